package vn.motcua.common.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The device's durable state: one SQLite database (WAL, synchronous=FULL) under the state directory, and the
 * one place that opens transactions. A committed transaction survives a power cut at any instant.
 */
public final class StateStore implements AutoCloseable {
    public static final String FILE_NAME = "motcua.db";

    private static final String PROBE_KEY = "storage.probedAt";

    private final Connection connection;
    private final StatementCache statements;
    private final SqliteErrors errors;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean createdNow;
    private final List<Consumer<Tx>> deferred = new ArrayList<>();
    private final List<Consumer<Optional<StorageFault>>> faultListeners = new CopyOnWriteArrayList<>();
    private volatile StorageFault fault;

    private StateStore(Connection connection, boolean createdNow, SqliteErrors errors) {
        this.connection = connection;
        this.statements = new StatementCache(connection);
        this.createdNow = createdNow;
        this.errors = errors;
    }

    /**
     * Opens (creating when absent) the database in {@code stateDir} and applies the kernel's schema. A disk that
     * refuses the usual open does not stop the device: a full disk has no room for SQLite's shared-memory file, so the
     * database is opened for this process alone, which needs none (reads work, writes once the disk has room); a disk
     * mounted read-only is opened read-only (writes are refused until the device restarts on a writable disk).
     */
    public static StateStore open(Path stateDir) {
        try {
            return open(stateDir, OpenMode.SHARED);
        } catch (StateException e) {
            if (e.fault().isEmpty()) {
                throw e;
            }
            Logger.warn("{}; opening it for this process alone, which needs no room on the disk", e.getMessage());
            try {
                return open(stateDir, OpenMode.ALONE);
            } catch (StateException again) {
                if (again.fault().orElse(null) != StorageFault.READ_ONLY) {
                    throw again;
                }
                Logger.error("{}; opening it read-only as it was last written to the database file (changes still "
                        + "in its write-ahead log are not seen until a restart on a writable disk)", again.getMessage());
                return open(stateDir, OpenMode.READ_ONLY);
            }
        }
    }

    /** How the database file is opened: shared (as usual), for this process alone, or read-only. */
    private enum OpenMode { SHARED, ALONE, READ_ONLY }

    private static StateStore open(Path stateDir, OpenMode mode) {
        Path db = stateDir.resolve(FILE_NAME);
        SqliteErrors errors = new SqliteErrors(stateDir);
        Connection c = null;
        try {
            Files.createDirectories(stateDir);
            boolean created = !Files.exists(db);
            c = DriverManager.getConnection(mode == OpenMode.READ_ONLY
                    ? "jdbc:sqlite:file:" + db.toAbsolutePath() + "?immutable=1"
                    : "jdbc:sqlite:" + db.toAbsolutePath());
            try (Statement st = c.createStatement()) {
                if (mode == OpenMode.ALONE) {
                    // set before the first access in WAL mode: the WAL index lives in memory, no -shm file
                    st.execute("PRAGMA locking_mode=EXCLUSIVE");
                }
                if (mode != OpenMode.READ_ONLY) {
                    st.execute("PRAGMA journal_mode=WAL");
                }
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
            }
            c.setAutoCommit(true);
            StateStore store = new StateStore(c, created, errors);
            store.bootstrap();
            return store;
        } catch (SQLException e) {
            closeQuietly(c);
            throw errors.wrap("cannot open the state database " + db, e);
        } catch (IOException e) {
            closeQuietly(c);
            throw new StateException("cannot open the state database " + db + ": " + e.getMessage(), e,
                    StorageDiagnosis.of(stateDir, StorageFault.CANNOT_OPEN));
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                Logger.debug("closing a state database that failed to open: {}", e.getMessage());
            }
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

    /**
     * Runs {@code work} in one durable transaction: all of it commits, or none of it. A failure throws
     * {@link StateException} with SQLite's own error, after the transaction was rolled back.
     */
    public <T> T inTransaction(Function<Tx, T> work) {
        List<Runnable> afterCommit = new ArrayList<>();
        T result;
        lock.lock();
        if (lock.getHoldCount() > 1) {
            lock.unlock();
            throw new IllegalStateException("transactions do not nest: pass the open Tx down instead");
        }
        StorageFault before = fault;
        try {
            result = transaction(work, afterCommit);
            fault = null;
        } catch (StateException e) {
            e.fault().ifPresent(f -> fault = f);
            throw e;
        } finally {
            boolean changed = fault != before;
            lock.unlock();
            if (changed) {
                announceFault();
            }
        }
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /**
     * Keeps work the disk refused (say, the start of this run) to run first in the next transaction, so it is
     * recorded, before anything else, as soon as the disk takes writes again.
     */
    public void deferUntilWritable(Consumer<Tx> work) {
        lock.lock();
        try {
            deferred.add(work);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the disk refused the last write: empty while writes commit. */
    public Optional<StorageFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** Hears of every change of {@link #fault()}, on the thread whose write changed it. */
    public void addFaultListener(Consumer<Optional<StorageFault>> listener) {
        faultListeners.add(listener);
    }

    /**
     * Commits a tiny write (and any deferred work) to learn whether the disk takes writes again; true when it did.
     * A transaction that rolls back never reaches the disk, so only a commit can tell.
     */
    public boolean probe(String now) {
        try {
            inTransaction(tx -> {
                tx.putMeta(PROBE_KEY, now);
                return null;
            });
            return true;
        } catch (StateException e) {
            if (e.fault().isEmpty()) {
                throw e;
            }
            return false;
        }
    }

    /** Runs a read-only piece of work against a consistent view of the store. */
    public <T> T read(Function<Tx, T> work) {
        lock.lock();
        try {
            return work.apply(new Tx(statements, errors, List.of(), false));
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

    private <T> T transaction(Function<Tx, T> work, List<Runnable> afterCommit) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw errors.wrap("cannot begin a state transaction", e);
        }
        try {
            Tx tx = new Tx(statements, errors, afterCommit, true);
            deferred.forEach(d -> d.accept(tx));
            T result = work.apply(tx);
            connection.commit();
            deferred.clear();
            return result;
        } catch (SQLException e) {
            rollbackQuietly();
            throw errors.wrap("state commit failed", e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly();
            throw e;
        } finally {
            endTransaction();
        }
    }

    /** Rolls back; SQLite may already have rolled back by itself (a full disk at COMMIT), which is fine. */
    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            Logger.debug("rollback: {} (SQLite ended the transaction itself)", e.getMessage());
        }
    }

    /** Back to autocommit without masking the real error; never leaves a transaction open. */
    private void endTransaction() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            Logger.debug("leaving the transaction: {}", e.getMessage());
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK");
            } catch (SQLException none) {
                Logger.debug("no transaction left open: {}", none.getMessage());
            }
        }
    }

    private void announceFault() {
        StorageFault now = fault;
        if (now == null) {
            Logger.info("the state disk takes writes again");
        } else {
            Logger.error("the state disk refuses writes ({}); presses are refused until it takes writes again, "
                    + "probed every few seconds", now.wire());
        }
        faultListeners.forEach(l -> l.accept(Optional.ofNullable(now)));
    }
}
