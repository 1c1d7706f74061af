package vn.motcua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.LongFunction;

/**
 * The baseline of the durable-write benchmarks: one INSERT and COMMIT per call on a plain SQLite table with the
 * device's pragmas (WAL, synchronous=FULL), no framework in between.
 */
final class PlainCommits implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement ps;
    private final LongFunction<String> payload;
    private long seq;

    /** A fresh table in {@code dir}; row {@code seq} (from 1) carries {@code payload.apply(seq)}. */
    PlainCommits(Path dir, LongFunction<String> payload) throws Exception {
        this.payload = payload;
        Files.createDirectories(dir);
        c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"));
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("CREATE TABLE t(seq INTEGER PRIMARY KEY, payload TEXT)");
        }
        c.setAutoCommit(false);
        ps = c.prepareStatement("INSERT INTO t(seq, payload) VALUES(?, ?)");
    }

    /** Inserts and commits the next row; returns the nanoseconds it took, payload included. */
    long commit() throws Exception {
        long t0 = System.nanoTime();
        seq++;
        ps.setLong(1, seq);
        ps.setString(2, payload.apply(seq));
        ps.executeUpdate();
        c.commit();
        return System.nanoTime() - t0;
    }

    @Override
    public void close() throws Exception {
        ps.close();
        c.close();
    }
}
