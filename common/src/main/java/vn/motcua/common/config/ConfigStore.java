package vn.motcua.common.config;

import java.util.Optional;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;

/** The versioned config in the state store: the newest stored version is current; the last 10 are kept. */
public final class ConfigStore {
    public static final int KEEP = 10;

    private final StateStore store;

    public ConfigStore(StateStore store) {
        this.store = store;
    }

    /** The current config body, if the district ever sent one. */
    public Optional<String> current() {
        return store.read(tx -> tx.queryOne(
                "SELECT body FROM config_versions ORDER BY version DESC LIMIT 1", rs -> rs.getString(1)));
    }

    /** The body of an older version still kept (for rolling back). */
    public Optional<String> version(long version) {
        return store.read(tx -> tx.queryOne("SELECT body FROM config_versions WHERE version = ?",
                rs -> rs.getString(1), version));
    }

    /** Stores a new version inside the caller's transaction and prunes to the last {@link #KEEP}. */
    public void store(Tx tx, long version, String body, long nowMillis) {
        tx.update("INSERT INTO config_versions(version, body, stored_at_millis) VALUES(?, ?, ?)", version, body, nowMillis);
        tx.update("DELETE FROM config_versions WHERE version NOT IN "
                + "(SELECT version FROM config_versions ORDER BY version DESC LIMIT ?)", KEEP);
    }

    public long count() {
        return store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM config_versions", 0));
    }
}
