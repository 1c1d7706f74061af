package vn.motcua.rating.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.rating.state.RatingSchema;
import vn.motcua.rating.state.SqliteRatingStore;

/** A rating session of counter 5 over a real state store in a scratch directory, on a hand-moved clock. */
final class SessionFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final SessionRules RULES = new SessionRules(RatingConfigModel.DEFAULT_REASONS, Duration.ofSeconds(15),
            Duration.ofSeconds(20), new BusinessDay(ZONE, LocalTime.MIDNIGHT));

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), ZONE);
    private final Path dir = TestDirs.create("rating-session-");
    private StateStore state;
    private EventLog events;
    SqliteRatingStore store;
    RatingSession session;

    SessionFixture() {
        open();
    }

    /** Closes the store and opens a new session over the same directory, as after a power cut. */
    void restart() {
        state.close();
        open();
    }

    private void open() {
        state = StateStore.open(dir);
        state.migrate(RatingSchema.MODULE, RatingSchema.STEPS);
        events = new EventLog(state, "rp-05", ZONE, clock);
        store = new SqliteRatingStore(state, events);
        session = new RatingSession(5, store, clock, RULES);
    }

    Serving serving(String ticket) {
        return ticket == null ? Serving.closed("ts") : new Serving(ticket, RULES.days().of(clock.instant()), "ts");
    }

    /** The district's message for {@code ticket} (null: closed), stamped {@code ago} before the clock's now. */
    Serving servingSaidAgo(String ticket, Duration ago) {
        Instant at = clock.instant().minus(ago);
        String ts = EventLog.TS.format(at.atZone(ZONE));
        return ticket == null ? Serving.closed(ts) : new Serving(ticket, RULES.days().of(at), ts);
    }

    void serve(String ticket) {
        session.serve(serving(ticket));
    }

    void pressTimes(String button, int times) {
        for (int i = 0; i < times; i++) {
            session.press(button);
        }
    }

    /** The data of every rating.submitted event recorded so far, oldest first. */
    List<JsonNode> ratings() {
        return events.readAfter(0, 500).stream().filter(e -> e.type().equals(SqliteRatingStore.EVENT))
                .map(e -> parse(e.envelope()).get("data")).toList();
    }

    private static JsonNode parse(String payload) {
        try {
            return Json.parse(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        state.close();
    }
}
