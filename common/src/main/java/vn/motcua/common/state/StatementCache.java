package vn.motcua.common.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinylog.Logger;

/** The store's prepared statements, kept for reuse (the same few statements run for every ticket and event). */
final class StatementCache {
    private static final int MAX = 64;

    private final Connection connection;
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(MAX, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > MAX) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** The prepared statement for {@code sql}; callers hold the store's lock. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement st = cache.get(sql);
        if (st == null) {
            st = connection.prepareStatement(sql);
            cache.put(sql, st);
        }
        return st;
    }

    /** Drops the statement for {@code sql} (after it failed: SQLite may have finalized it); the next get prepares anew. */
    void evict(String sql) {
        PreparedStatement st = cache.remove(sql);
        if (st != null) {
            closeQuietly(st);
        }
    }

    void close() {
        cache.values().forEach(StatementCache::closeQuietly);
        cache.clear();
    }

    private static void closeQuietly(PreparedStatement st) {
        try {
            st.close();
        } catch (SQLException e) {
            Logger.debug("closing a cached statement: {}", e.getMessage());
        }
    }
}
