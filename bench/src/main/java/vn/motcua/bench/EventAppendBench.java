package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;

/**
 * Durable event append (one transaction each, as a ticket needs) against a plain SQLite insert+commit with the same
 * pragmas on the same disk, in the same run: after a warm-up of each, the two alternate append by append so both see
 * the same disk and machine load. Args: [events] [dir].
 */
public final class EventAppendBench {
    private static final int WARM_UP = 500;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of("."), "append-bench-");
        long[] plain = new long[n];
        long[] ours = new long[n];
        try (PlainCommits table = new PlainCommits(base.resolve("plain"),
                seq -> "{\"eventId\":\"bench:" + seq + "\",\"type\":\"ticket.issued\",\"data\":{\"ticket\":\"A012\"}}");
             StateStore store = StateStore.open(base.resolve("events"))) {
            EventLog log = new EventLog(store, "bench", ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC());
            for (int i = 0; i < WARM_UP; i++) {
                table.commit();
                log.record("ticket.issued", Json.object().put("ticket", "A012"));
            }
            for (int i = 0; i < n; i++) {
                plain[i] = table.commit();
                long t0 = System.nanoTime();
                log.record("ticket.issued", Json.object().put("ticket", "A012"));
                ours[i] = System.nanoTime() - t0;
            }
        }
        Stats p = new Stats(plain);
        Stats o = new Stats(ours);
        System.out.println("event_append_events=" + n + " (alternating with as many plain commits, after " + WARM_UP + " of each)");
        System.out.println("plain_sqlite_commits_per_s=" + Stats.fmt(perSecond(plain)) + " p50_ms=" + Stats.fmt(p.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(p.percentileMillis(99)));
        System.out.println("event_log_appends_per_s=" + Stats.fmt(perSecond(ours)) + " p50_ms=" + Stats.fmt(o.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(o.percentileMillis(99)));
        System.out.println("throughput_ratio_events_vs_plain=" + Stats.fmt(perSecond(ours) / perSecond(plain)));
    }

    /** Appends per second if they ran back to back: the count over the summed time of each. */
    private static double perSecond(long[] samples) {
        long total = 0;
        for (long s : samples) {
            total += s;
        }
        return samples.length / (total / 1e9);
    }
}
