package vn.motcua.common.runtime;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.StorageFault;

/**
 * The {@code storage} health component (critical): {@code fault:storage-full}, {@code fault:storage-read-only}, ...
 * while the state disk refuses writes; ok again on the next write that commits, or the next probe, whichever is first.
 */
final class StorageHealth {
    static final String COMPONENT = "storage";
    static final long PROBE_SECONDS = 10;

    private final StateStore store;
    private final HealthModel health;
    private final Clock clock;

    StorageHealth(StateStore store, HealthModel health, Clock clock) {
        this.store = store;
        this.health = health;
        this.clock = clock;
    }

    /** Registers the component with the store's condition now, follows it, and probes a refusing disk. */
    void start(ScheduledExecutorService scheduler) {
        store.addFaultListener(fault -> health.report(COMPONENT, status(fault)));
        health.register(COMPONENT, true, status(store.fault()));
        scheduler.scheduleWithFixedDelay(this::probe, PROBE_SECONDS, PROBE_SECONDS, TimeUnit.SECONDS);
    }

    private void probe() {
        if (store.fault().isEmpty()) {
            return;
        }
        try {
            if (!store.probe(clock.instant().toString())) {
                Logger.debug("the state disk still refuses writes; probing again in {} s", PROBE_SECONDS);
            }
        } catch (RuntimeException e) {
            Logger.warn("probing the state disk failed: {}; probing again in {} s", e.getMessage(), PROBE_SECONDS);
        }
    }

    private static ComponentStatus status(Optional<StorageFault> fault) {
        return fault.map(f -> ComponentStatus.fault(f.wire())).orElse(ComponentStatus.OK);
    }
}
