package vn.motcua.common.runtime;

import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;

/** Tells a first boot, a clean restart and a crash apart, and records {@code device.started} accordingly. */
final class Lifecycle {
    private static final String STATE = "runtime.state";

    private Lifecycle() {
    }

    /** Marks the device running and records {@code device.started}, in one transaction; returns previousStop. */
    static String started(StateStore store, EventLog events, String version) {
        return store.inTransaction(tx -> {
            String previousStop = switch (tx.meta(STATE).orElse("none")) {
                case "running" -> "crash";
                case "stopped" -> "clean";
                default -> "first-boot";
            };
            tx.putMeta(STATE, "running");
            events.record(tx, "device.started", Json.object().put("version", version)
                    .put("previousStop", previousStop).put("stateId", events.stateId()));
            return previousStop;
        });
    }

    /** Marks a clean stop; the last write of a runtime. */
    static void stopped(StateStore store) {
        store.inTransaction(tx -> {
            tx.putMeta(STATE, "stopped");
            return null;
        });
    }
}
