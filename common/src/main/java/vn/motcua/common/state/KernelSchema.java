package vn.motcua.common.state;

import java.util.List;

/** The kernel's own tables; append new steps, never edit old ones. */
final class KernelSchema {
    static final List<String> STEPS = List.of(
            """
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE events(seq INTEGER PRIMARY KEY, type TEXT NOT NULL, ts_millis INTEGER NOT NULL, payload TEXT NOT NULL);
            CREATE INDEX events_ts ON events(ts_millis)
            """,
            """
            CREATE TABLE config_versions(version INTEGER PRIMARY KEY, body TEXT NOT NULL, stored_at_millis INTEGER NOT NULL)
            """,
            // SPEC v1.1 section 4: 16 random hex digits made with the state directory (and, for a state directory
            // from v1, at the first start of v1.1), part of every eventId from then on; it never changes
            """
            INSERT OR IGNORE INTO meta(key, value) VALUES('state.id', lower(hex(randomblob(8))))
            """,
            // SPEC v1.1 section 11: the restarts a component caused (cause "hung" or "failed"), ts in epoch millis;
            // three of one component within 10 minutes start the device in safe mode
            """
            CREATE TABLE restarts(ts INTEGER NOT NULL, component TEXT NOT NULL, version TEXT NOT NULL, cause TEXT NOT NULL);
            CREATE INDEX restarts_ts ON restarts(ts)
            """);

    private KernelSchema() {
    }
}
