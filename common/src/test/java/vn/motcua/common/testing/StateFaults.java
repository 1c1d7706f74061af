package vn.motcua.common.testing;

import vn.motcua.common.state.StateStore;

/** Makes a state store refuse every write, as a state disk remounted read-only does, and lets it write again. */
public final class StateFaults {
    private StateFaults() {
    }

    public static void readOnly(StateStore store, boolean readOnly) {
        store.inTransaction(tx -> tx.update("PRAGMA query_only = " + (readOnly ? "ON" : "OFF")));
    }
}
