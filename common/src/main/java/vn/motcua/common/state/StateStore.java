package vn.motcua.common.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The device's durable state: one SQLite database (WAL, synchronous=FULL) under the state directory, and the
 * one place that opens transactions. A committed transaction survives a power cut at any instant.
 */
public final class StateStore implements AutoCloseable {
    public static final String FILE_NAME = "motcua.db";

    private final Connection connection;
    private final StatementCache statements;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean createdNow;

    private StateStore(Connection connection, boolean createdNow) {
        this.connection = connection;
        this.statements = new StatementCache(connection);
        this.createdNow = createdNow;
    }

    /** Opens (creating when absent) the database in {@code stateDir} and applies the kernel's schema. */
    public static StateStore open(Path stateDir) {
        Path db = stateDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDir);
            boolean created = !Files.exists(db);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            c.setAutoCommit(true);
            StateStore store = new StateStore(c, created);
            store.bootstrap();
            return store;
        } catch (java.io.IOException | SQLException e) {
            throw new StateException("cannot open the state database " + db + ": " + e.getMessage(), e);
        }
    }

    /** True when this open created the database: the device's first boot. */
    public boolean createdNow() {
        return createdNow;
    }

    /**
     * Brings a module's tables up to date: step i (from 1) of {@code steps} runs once, in its own transaction,
     * and is recorded so it never runs again. Steps are only ever appended.
     */
    public void migrate(String module, List<String> steps) {
        long done = read(tx -> tx.queryLong("SELECT MAX(version) FROM schema_migrations WHERE module = ?", 0, module));
        for (int version = (int) done + 1; version <= steps.size(); version++) {
            String sql = steps.get(version - 1);
            int v = version;
            inTransaction(tx -> {
                for (String statement : statements(sql)) {
                    tx.update(statement);
                }
                tx.update("INSERT INTO schema_migrations(module, version, applied_at) VALUES(?, ?, strftime('%s','now'))",
                        module, v);
                return null;
            });
            Logger.info("state schema of {} migrated to version {}", module, v);
        }
    }

    /** Runs {@code work} in one durable transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Function<Tx, T> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        T result;
        lock.lock();
        if (lock.getHoldCount() > 1) {
            lock.unlock();
            throw new IllegalStateException("transactions do not nest: pass the open Tx down instead");
        }
        try {
            connection.setAutoCommit(false);
            try {
                result = work.apply(new Tx(statements, afterCommit, true));
                connection.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StateException("state transaction failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /** Runs a read-only piece of work against a consistent view of the store. */
    public <T> T read(Function<Tx, T> work) {
        lock.lock();
        try {
            return work.apply(new Tx(statements, List.of(), false));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            statements.close();
            connection.close();
        } catch (SQLException e) {
            Logger.warn("closing the state database failed: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private void bootstrap() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_migrations(module TEXT NOT NULL, version INTEGER NOT NULL, "
                    + "applied_at INTEGER NOT NULL, PRIMARY KEY(module, version))");
        }
        migrate("kernel", KernelSchema.STEPS);
    }

    /** Splits a migration step on semicolons outside quoted literals. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : sql.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                addIfNotBlank(out, current);
                continue;
            }
            current.append(c);
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder statement) {
        if (!statement.toString().isBlank()) {
            out.add(statement.toString().strip());
        }
        statement.setLength(0);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            Logger.error("rollback failed: {}", e.getMessage());
        }
    }
}
