package vn.motcua.rating;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.motcua.rating.config.Reason;
import vn.motcua.rating.session.Level;
import vn.motcua.rating.state.DayTally;

/** The rating pad's telemetry counters: today's ratings per level, their shares, reasons, ignored presses. */
final class RatingTelemetry {
    private RatingTelemetry() {
    }

    static void contribute(ObjectNode t, int counter, String serving, DayTally today, List<Reason> reasons,
                           long ignoredPresses, long notRecorded) {
        t.put("counter", counter);
        t.put("serving", serving);
        ObjectNode counts = t.putObject("ratingsToday");
        ObjectNode shares = t.putObject("ratingSharesToday");
        long total = today.total();
        for (Level level : Level.values()) {
            long n = today.levels().getOrDefault(level.wire(), 0L);
            counts.put(level.wire(), n);
            shares.put(level.wire(), total == 0 ? 0.0 : Math.round(n * 1000.0 / total) / 1000.0);
        }
        ObjectNode byReason = t.putObject("reasonsToday");
        reasons.forEach(r -> byReason.put(r.code(), today.reasons().getOrDefault(r.code(), 0L)));
        today.reasons().forEach((code, n) -> {
            if (!byReason.has(code)) {
                byReason.put(code, n);
            }
        });
        t.put("ignoredPresses", ignoredPresses);
        t.put("ratingsNotRecorded", notRecorded);
    }
}
