package vn.motcua.common.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One open transaction (or read) on the state store; valid only inside the work it was handed to. */
public final class Tx {
    /** Maps one result row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final StatementCache statements;
    private final SqliteErrors errors;
    private final List<Runnable> afterCommit;
    private final boolean writable;

    Tx(StatementCache statements, SqliteErrors errors, List<Runnable> afterCommit, boolean writable) {
        this.statements = statements;
        this.errors = errors;
        this.afterCommit = afterCommit;
        this.writable = writable;
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the number of rows changed. */
    public int update(String sql, Object... args) {
        requireWritable();
        try {
            PreparedStatement st = prepare(sql, args);
            int changed = st.executeUpdate();
            st.clearParameters();
            return changed;
        } catch (SQLException e) {
            statements.evict(sql);
            throw errors.wrap("state update failed: " + sql, e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        try {
            PreparedStatement st = prepare(sql, args);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            st.clearParameters();
            return rows;
        } catch (SQLException e) {
            statements.evict(sql);
            throw errors.wrap("state query failed: " + sql, e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long queryLong(String sql, long ifNone, Object... args) {
        return queryOne(sql, rs -> rs.getObject(1) == null ? ifNone : rs.getLong(1), args).orElse(ifNone);
    }

    /** A value of the store's small key-value table. */
    public Optional<String> meta(String key) {
        return queryOne("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), key);
    }

    public long metaLong(String key, long ifAbsent) {
        return meta(key).map(Long::parseLong).orElse(ifAbsent);
    }

    public void putMeta(String key, Object value) {
        update("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, String.valueOf(value));
    }

    /** Runs once the transaction has committed (never if it rolls back). */
    public void afterCommit(Runnable action) {
        requireWritable();
        afterCommit.add(action);
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement st = statements.get(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("this is a read; open a transaction to write");
        }
    }
}
