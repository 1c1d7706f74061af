package vn.motcua.kiosk.hall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hall's calling board: the latest call per counter, newest first. Decides which messages are calls to announce:
 * every live message with a ticket and a new {@code ts} (a recall comes with a new time); a retained replay only when
 * it differs from what is shown and is fresh (its {@code ts} within a minute), so a reconnect or a restart does not call
 * old numbers again. Messages in the first seconds after a (re)connect count as the replay too, for brokers that do not
 * flag it. The same message again (the district republishing its state) is never a call, and a message older than the
 * newest one of its counter is dropped: on a broker cluster a node may hand out an old retained message.
 */
public final class HallBoard {
    static final Duration FRESH = Duration.ofMinutes(1);
    static final Duration REPLAY_WINDOW = Duration.ofSeconds(2);

    /** What a message did to the board. */
    public enum Change { IGNORED, SHOWN, CALLED }

    private final Clock clock;
    private final Map<Integer, ServingCall> latest = new HashMap<>();
    /** The newest district time seen per counter, calls and closes alike. */
    private final Map<Integer, Instant> newest = new HashMap<>();
    private long seq;
    private Instant connectedAt = Instant.EPOCH;

    public HallBoard(Clock clock) {
        this.clock = clock;
    }

    /** Notes a (re)connect to the broker: the retained calls are replayed now. */
    public synchronized void connected() {
        connectedAt = clock.instant();
    }

    /** Applies one serving message; {@code ticket} null closes the counter. */
    public synchronized Change accept(int counter, String ticket, String ts, boolean retainedFlag) {
        boolean retained = retainedFlag
                || Duration.between(connectedAt, clock.instant()).compareTo(REPLAY_WINDOW) < 0;
        ServingCall call = new ServingCall(counter, ticket, ts == null ? "" : ts, seq + 1);
        ServingCall shown = latest.get(counter);
        if (call.sameAs(shown)) {
            return Change.IGNORED;
        }
        Optional<Instant> at = instant(call.ts());
        Instant known = newest.get(counter);
        if (at.isPresent() && known != null && at.get().isBefore(known)) {
            return Change.IGNORED;
        }
        at.ifPresent(a -> newest.put(counter, a));
        seq++;
        if (ticket == null) {
            latest.remove(counter);
            return Change.SHOWN;
        }
        latest.put(counter, call);
        return !retained || fresh(call.ts()) ? Change.CALLED : Change.SHOWN;
    }

    /** The open counters' latest calls, newest first. */
    public synchronized List<ServingCall> latestFirst() {
        List<ServingCall> calls = new ArrayList<>(latest.values());
        calls.sort(Comparator.comparingLong(ServingCall::seq).reversed());
        return calls;
    }

    private boolean fresh(String ts) {
        return instant(ts).map(at -> Duration.between(at, clock.instant()).abs().compareTo(FRESH) <= 0).orElse(false);
    }

    private static Optional<Instant> instant(String ts) {
        try {
            return Optional.of(OffsetDateTime.parse(ts).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
