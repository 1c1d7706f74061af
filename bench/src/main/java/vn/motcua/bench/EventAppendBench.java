package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;

/**
 * Durable event append (one transaction each, as a ticket needs) against a plain SQLite insert+commit loop with
 * the same pragmas on the same disk, in the same run. Args: [events] [dir].
 */
public final class EventAppendBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of("."), "append-bench-");
        Result plain = plain(base.resolve("plain"), n);
        Result ours = events(base.resolve("events"), n);
        System.out.println("event_append_events=" + n);
        System.out.println("plain_sqlite_commits_per_s=" + Stats.fmt(plain.perSecond) + " p50_ms=" + Stats.fmt(plain.stats.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(plain.stats.percentileMillis(99)));
        System.out.println("event_log_appends_per_s=" + Stats.fmt(ours.perSecond) + " p50_ms=" + Stats.fmt(ours.stats.percentileMillis(50))
                + " p99_ms=" + Stats.fmt(ours.stats.percentileMillis(99)));
        System.out.println("throughput_ratio_events_vs_plain=" + Stats.fmt(ours.perSecond / plain.perSecond));
    }

    private record Result(double perSecond, Stats stats) {
    }

    private static Result plain(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"))) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("CREATE TABLE t(seq INTEGER PRIMARY KEY, payload TEXT)");
            }
            c.setAutoCommit(false);
            long[] samples = new long[n];
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(seq, payload) VALUES(?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    ps.setLong(1, i + 1);
                    ps.setString(2, "{\"eventId\":\"bench:" + (i + 1) + "\",\"type\":\"ticket.issued\",\"data\":{\"ticket\":\"A012\"}}");
                    ps.executeUpdate();
                    c.commit();
                    samples[i] = System.nanoTime() - t0;
                }
            }
            return new Result(n / ((System.nanoTime() - start) / 1e9), new Stats(samples));
        }
    }

    private static Result events(Path dir, int n) {
        try (StateStore store = StateStore.open(dir)) {
            EventLog log = new EventLog(store, "bench", ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC());
            long[] samples = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                log.record("ticket.issued", Json.object().put("ticket", "A012"));
                samples[i] = System.nanoTime() - t0;
            }
            return new Result(n / ((System.nanoTime() - start) / 1e9), new Stats(samples));
        }
    }
}
