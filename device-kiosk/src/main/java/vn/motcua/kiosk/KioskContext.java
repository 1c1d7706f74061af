package vn.motcua.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.management.Management;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.uplink.MessageLink;
import vn.motcua.kiosk.dossier.DossierRoute;

/**
 * What the kiosk uses of the kernel: the office's serving topics it follows (hall display), where its dossier
 * look-ups go, the directory its announcements are cached in, the event log ({@code kiosk.lookup}), the health model
 * (screen, scanner, speaker), the district link, its text display, the shared scheduler and the management server
 * (its {@code /sim/*} resources). It has no buttons or LEDs, and never sees the uplink's controls or the store.
 */
public record KioskContext(
        ZoneId timezone,
        String servingTopics,
        DossierRoute dossierRoute,
        Path announceDir,
        Clock clock,
        EventLog events,
        HealthModel health,
        MessageLink link,
        Optional<TextDisplay> display,
        ScheduledExecutorService scheduler,
        Management management) {

    /** The kiosk's part of the kernel's context. */
    public static KioskContext of(DeviceContext kernel) {
        Identity id = kernel.identity();
        return new KioskContext(id.timezone(), id.officeTopic() + "/serving/+",
                DossierRoute.of(id.deviceId(), id.officeTopic(), id.topicRoot()),
                kernel.stateDir().resolve("announce"), kernel.clock(), kernel.events(), kernel.health(),
                kernel.uplink(), kernel.hardware().display(), kernel.scheduler(), kernel.management());
    }
}
