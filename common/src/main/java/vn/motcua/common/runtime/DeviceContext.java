package vn.motcua.common.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.Hardware;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.management.Management;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.uplink.Uplink;

/** What the kernel hands a device app when it starts. */
public record DeviceContext(
        Identity identity,
        Path stateDir,
        Clock clock,
        StateStore store,
        EventLog events,
        Uplink uplink,
        HealthModel health,
        ScheduledExecutorService scheduler,
        Hardware hardware,
        Actions actions,
        Management management) {
}
