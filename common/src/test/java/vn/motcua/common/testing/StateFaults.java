package vn.motcua.common.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import vn.motcua.common.state.StateStore;

/**
 * Makes every write to a device's state database fail until closed: another connection holds the write lock (as a
 * technician's {@code sqlite3} shell in a transaction would), so each write of the device gives up after the store's
 * busy timeout with SQLITE_BUSY.
 */
public final class StateFaults implements AutoCloseable {
    private final Connection other;

    private StateFaults(Connection other) {
        this.other = other;
    }

    public static StateFaults writesFail(Path stateDir) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + stateDir.resolve(StateStore.FILE_NAME));
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO meta(key, value) VALUES('test.write-lock', 1)");
            }
            return new StateFaults(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the state database in " + stateDir, e);
        }
    }

    /** Writes work again. */
    @Override
    public void close() {
        try {
            other.rollback();
            other.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
