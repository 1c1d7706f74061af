package vn.motcua.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;

/**
 * The device's event log: gapless {@code seq} from 1 for the device's whole life, recorded inside the caller's
 * transaction together with the state change it describes; the outbox cursor says what the broker acknowledged.
 */
public final class EventLog {
    public static final Duration RETAIN_AT_LEAST = Duration.ofDays(7);
    public static final long RETAIN_AT_LEAST_COUNT = 100_000;
    private static final String ACKED = "outbox.ackedSeq";
    private static final String STATE_ID = "state.id";
    /** An event type: category and action, each a topic level of {@code a-z 0-9 -} (SPEC section 4). */
    private static final Pattern TYPE = Pattern.compile("[a-z0-9-]+\\.[a-z0-9-]+");
    /** Millisecond ISO-8601 with the office's offset, as every event's {@code ts}. */
    public static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final StateStore store;
    private final String deviceId;
    private final String stateId;
    private final ZoneId zone;
    private final Clock clock;
    private final List<Consumer<RecordedEvent>> listeners = new CopyOnWriteArrayList<>();

    public EventLog(StateStore store, String deviceId, ZoneId zone, Clock clock) {
        this.store = store;
        this.deviceId = deviceId;
        this.zone = zone;
        this.clock = clock;
        this.stateId = store.read(tx -> tx.meta(STATE_ID)).orElseThrow(
                () -> new IllegalStateException("the state store has no " + STATE_ID + "; it was not migrated"));
    }

    /**
     * The topic levels below {@code R/event/} for an event type: {@code ticket/issued} for {@code ticket.issued}
     * (no level holds a dot, which AMQP-bridging brokers rewrite).
     */
    public static String topicLevels(String type) {
        return type.replace('.', '/');
    }

    /** The random id of this state directory, part of every eventId (a new SD card gets a new one). */
    public String stateId() {
        return stateId;
    }

    /** Records an event inside an open transaction; listeners hear of it after the commit. */
    public RecordedEvent record(Tx tx, String type, JsonNode data) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type '" + type + "' is not category.action in a-z 0-9 -");
        }
        long seq = lastSeq(tx) + 1;
        Instant now = clock.instant();
        ObjectNode envelope = Json.object();
        envelope.put("eventId", deviceId + ":" + stateId + ":" + seq);
        envelope.put("seq", seq);
        envelope.put("type", type);
        envelope.put("ts", timestamp(now));
        envelope.set("data", data == null ? Json.object() : data);
        String payload = Json.write(envelope);
        tx.update("INSERT INTO events(seq, type, ts_millis, payload) VALUES(?, ?, ?, ?)", seq, type, now.toEpochMilli(), payload);
        RecordedEvent event = new RecordedEvent(seq, type, now.toEpochMilli(), payload);
        tx.afterCommit(() -> listeners.forEach(l -> l.accept(event)));
        return event;
    }

    /** Records an event in a transaction of its own (for events that change no other state). */
    public RecordedEvent record(String type, JsonNode data) {
        return store.inTransaction(tx -> record(tx, type, data));
    }

    /** The events with {@code seq > after}, oldest first, at most {@code limit}. */
    public List<RecordedEvent> readAfter(long after, int limit) {
        return store.read(tx -> tx.query(
                "SELECT seq, type, ts_millis, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
                rs -> new RecordedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                after, limit));
    }

    public long lastSeq() {
        return store.read(EventLog::lastSeq);
    }

    /** Retention never removes the newest event, so the highest seq is always the last one recorded. */
    private static long lastSeq(Tx tx) {
        return tx.queryLong("SELECT MAX(seq) FROM events", 0);
    }

    /** The highest seq up to which every event was acknowledged by the broker (as last persisted). */
    public long ackedSeq() {
        return store.read(tx -> tx.metaLong(ACKED, 0));
    }

    /** Moves the outbox cursor forward (never back). */
    public void markAcked(long seq) {
        store.inTransaction(tx -> {
            if (seq > tx.metaLong(ACKED, 0)) {
                tx.putMeta(ACKED, seq);
            }
            return null;
        });
    }

    /** How many recorded events the broker has not acknowledged, and how old the oldest of them is. */
    public OutboxStatus outboxStatus() {
        return store.read(tx -> {
            long acked = tx.metaLong(ACKED, 0);
            long last = lastSeq(tx);
            long oldestMillis = tx.queryLong("SELECT ts_millis FROM events WHERE seq = ?", -1, acked + 1);
            long ageSeconds = oldestMillis < 0 ? 0 : Math.max(0, (clock.millis() - oldestMillis) / 1000);
            return new OutboxStatus(last - acked, ageSeconds);
        });
    }

    /**
     * Deletes delivered events that are both older than 7 days and outside the newest 100,000; returns how many.
     */
    public int applyRetention() {
        int removed = store.inTransaction(tx -> tx.update(
                "DELETE FROM events WHERE seq <= ? AND ts_millis < ? AND seq <= ?",
                tx.metaLong(ACKED, 0),
                clock.millis() - RETAIN_AT_LEAST.toMillis(),
                lastSeq(tx) - RETAIN_AT_LEAST_COUNT));
        if (removed > 0) {
            Logger.info("event retention removed {} delivered events older than {} days", removed, RETAIN_AT_LEAST.toDays());
        }
        return removed;
    }

    /** Hears of every event after its transaction committed. */
    public void addListener(Consumer<RecordedEvent> listener) {
        listeners.add(listener);
    }

    public String timestamp(Instant instant) {
        return TS.format(instant.atZone(zone));
    }

    /** The outbox's depth and the age of its oldest undelivered event. */
    public record OutboxStatus(long depth, long oldestUndeliveredSeconds) {
    }
}
