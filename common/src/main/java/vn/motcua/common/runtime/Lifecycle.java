package vn.motcua.common.runtime;

import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateException;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;

/**
 * Tells a first boot, a clean restart and a crash apart, and records {@code device.started} accordingly; on a state
 * disk that refuses writes the device starts anyway and records it first once the disk takes writes again.
 */
final class Lifecycle {
    private static final String STATE = "runtime.state";

    private Lifecycle() {
    }

    /** Marks the device running and records {@code device.started}, in one transaction; returns previousStop. */
    static String started(StateStore store, EventLog events, String version) {
        String previousStop = store.read(tx -> switch (tx.meta(STATE).orElse("none")) {
            case "running" -> "crash";
            case "stopped" -> "clean";
            default -> "first-boot";
        });
        Consumer<Tx> start = tx -> {
            tx.putMeta(STATE, "running");
            events.record(tx, "device.started", Json.object().put("version", version)
                    .put("previousStop", previousStop).put("stateId", events.stateId()));
        };
        try {
            store.inTransaction(tx -> {
                start.accept(tx);
                return null;
            });
        } catch (StateException e) {
            if (e.fault().isEmpty()) {
                throw e;
            }
            store.deferUntilWritable(start);
            Logger.error("device.started not recorded: the state disk refuses writes ({}); starting anyway, it is "
                    + "recorded first once the disk takes writes again", e.fault().get().wire());
        }
        return previousStop;
    }

    /** Marks a clean stop; the last write of a runtime. */
    static void stopped(StateStore store) {
        try {
            store.inTransaction(tx -> {
                tx.putMeta(STATE, "stopped");
                return null;
            });
        } catch (StateException e) {
            if (e.fault().isEmpty()) {
                throw e;
            }
            Logger.error("the clean stop not recorded: the state disk refuses writes ({}); the next start counts "
                    + "this stop as a crash", e.fault().get().wire());
        }
    }
}
