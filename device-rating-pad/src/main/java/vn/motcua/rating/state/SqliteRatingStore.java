package vn.motcua.rating.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateException;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;
import vn.motcua.rating.session.Rating;
import vn.motcua.rating.session.RatingStore;
import vn.motcua.rating.session.Serving;
import vn.motcua.rating.session.StorageUnavailable;

/** The rating store in the device's SQLite state: a rating, its rated ticket and its event commit together. */
public final class SqliteRatingStore implements RatingStore {
    static final String SERVING_KEY = "rating.serving";
    public static final String EVENT = "rating.submitted";

    private final StateStore store;
    private final EventLog events;

    public SqliteRatingStore(StateStore store, EventLog events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public void record(Rating r) {
        write(tx -> {
            tx.update("INSERT INTO ratings(day, ticket, serving_day, level, reason, at_millis) VALUES(?, ?, ?, ?, ?, ?)",
                    r.day().toString(), r.ticket(), r.servingDay() == null ? null : r.servingDay().toString(),
                    r.level().wire(), r.reason(), r.at().toEpochMilli());
            if (r.ticket() != null) {
                long id = tx.queryLong("SELECT last_insert_rowid()", 0);
                tx.update("INSERT INTO rated_tickets(serving_day, ticket, rating_id) VALUES(?, ?, ?)",
                        r.servingDay().toString(), r.ticket(), id);
            }
            var data = Json.object().put("counter", r.counter()).put("ticket", r.ticket())
                    .put("level", r.level().wire()).put("reason", r.reason());
            events.record(tx, EVENT, data);
        });
    }

    @Override
    public boolean rated(LocalDate servingDay, String ticket) {
        return store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM rated_tickets WHERE serving_day = ? AND ticket = ?",
                0, servingDay.toString(), ticket)) > 0;
    }

    @Override
    public Optional<Instant> lastUnticketed() {
        long millis = store.read(tx -> tx.queryLong("SELECT MAX(at_millis) FROM ratings WHERE ticket IS NULL", -1));
        return millis < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    @Override
    public void saveServing(Serving s) {
        var json = Json.object().put("ticket", s.ticket()).put("day", s.day() == null ? null : s.day().toString())
                .put("ts", s.ts());
        write(tx -> tx.putMeta(SERVING_KEY, Json.write(json)));
    }

    @Override
    public Optional<Serving> loadServing() {
        return store.read(tx -> tx.meta(SERVING_KEY)).flatMap(SqliteRatingStore::parseServing);
    }

    /** The counts of one business day's ratings, per level and per reason. */
    public DayTally tally(LocalDate day) {
        Map<String, Long> levels = new HashMap<>();
        Map<String, Long> reasons = new HashMap<>();
        store.read(tx -> {
            tx.query("SELECT level, COUNT(*) FROM ratings WHERE day = ? GROUP BY level",
                    rs -> levels.put(rs.getString(1), rs.getLong(2)), day.toString());
            tx.query("SELECT reason, COUNT(*) FROM ratings WHERE day = ? AND reason IS NOT NULL GROUP BY reason",
                    rs -> reasons.put(rs.getString(1), rs.getLong(2)), day.toString());
            return null;
        });
        return new DayTally(levels, reasons);
    }

    /** One durable transaction; a state disk that refuses it is the session's {@link StorageUnavailable}. */
    private void write(Consumer<Tx> work) {
        try {
            store.inTransaction(tx -> {
                work.accept(tx);
                return null;
            });
        } catch (StateException e) {
            throw e.fault().map(f -> new StorageUnavailable(f.wire(), e)).orElseThrow(() -> e);
        }
    }

    private static Optional<Serving> parseServing(String text) {
        try {
            JsonNode n = Json.parse(text);
            String ticket = n.path("ticket").isTextual() ? n.get("ticket").asText() : null;
            LocalDate day = n.path("day").isTextual() ? LocalDate.parse(n.get("day").asText()) : null;
            String ts = n.path("ts").isTextual() ? n.get("ts").asText() : null;
            return Optional.of(new Serving(ticket, ticket == null ? null : day, ts));
        } catch (JsonProcessingException | RuntimeException e) {
            Logger.warn("the stored serving state is unreadable ({}); waiting for the district's", e.getMessage());
            return Optional.empty();
        }
    }
}
