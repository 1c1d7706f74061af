package vn.motcua.common.management;

import vn.motcua.common.config.ConfigService;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.runtime.Actions;

/** Wires the kernel's resources into a management server. */
public final class Kernel {
    private Kernel() {
    }

    public static TelemetryResource install(ManagementServer server, ConfigService<?> configs, java.util.function.Supplier<String> telemetry,
                                            HealthModel health, EventLog events, Actions actions) {
        TelemetryResource t = new TelemetryResource(telemetry);
        server.addKernelResources(new ConfigResource(configs), t, new HealthResource(health), new EventsResource(events),
                new ActionsResource(actions));
        return t;
    }
}
