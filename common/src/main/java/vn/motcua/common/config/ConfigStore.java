package vn.motcua.common.config;

import java.util.Optional;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;

/**
 * The versioned config in the state store. A new body is first staged (stored durably, not current), then made
 * current once it runs; {@code config.current} in the meta table names the current version (0: the built-in
 * defaults), and a store written before it existed takes its newest version. The last 10 versions are kept.
 */
public final class ConfigStore {
    public static final int KEEP = 10;
    static final String CURRENT = "config.current";

    private final StateStore store;

    public ConfigStore(StateStore store) {
        this.store = store;
    }

    /** The current config body, if the district ever sent one. */
    public Optional<String> current() {
        return store.read(tx -> {
            Optional<String> pointer = tx.meta(CURRENT);
            if (pointer.isEmpty()) {
                return tx.queryOne("SELECT body FROM config_versions ORDER BY version DESC LIMIT 1", rs -> rs.getString(1));
            }
            return tx.queryOne("SELECT body FROM config_versions WHERE version = ?", rs -> rs.getString(1),
                    Long.parseLong(pointer.get()));
        });
    }

    /** The body of an older version still kept (for rolling back). */
    public Optional<String> version(long version) {
        return store.read(tx -> tx.queryOne("SELECT body FROM config_versions WHERE version = ?",
                rs -> rs.getString(1), version));
    }

    /**
     * Stores a new version inside the caller's transaction without making it current ({@code running} stays current);
     * a kept body of the same version (from before a fall-back to the defaults) is replaced.
     */
    public void stage(Tx tx, long version, String body, long running, long nowMillis) {
        tx.update("INSERT INTO config_versions(version, body, stored_at_millis) VALUES(?, ?, ?) ON CONFLICT(version) "
                + "DO UPDATE SET body = excluded.body, stored_at_millis = excluded.stored_at_millis", version, body, nowMillis);
        tx.putMeta(CURRENT, running);
    }

    /** Makes a staged version current inside the caller's transaction and prunes to the last {@link #KEEP}. */
    public void makeCurrent(Tx tx, long version) {
        tx.putMeta(CURRENT, version);
        tx.update("DELETE FROM config_versions WHERE version != ? AND version NOT IN "
                + "(SELECT version FROM config_versions ORDER BY version DESC LIMIT ?)", version, KEEP);
    }

    /** Drops a staged version that never became current. */
    public void discard(Tx tx, long version) {
        tx.update("DELETE FROM config_versions WHERE version = ? AND version != ?", version, tx.metaLong(CURRENT, -1));
    }

    public long count() {
        return store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM config_versions", 0));
    }
}
