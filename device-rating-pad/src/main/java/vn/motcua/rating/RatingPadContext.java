package vn.motcua.rating;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.uplink.MessageLink;

/**
 * What the rating pad uses of the kernel, and nothing more: its counter and the serving topic it follows, the store
 * and event log its ratings go to, its buttons, LEDs and display, the shared scheduler for its tick, and a way to
 * tell Observe clients that its telemetry changed. It never sees the uplink's controls, health, actions or the
 * management server.
 */
public record RatingPadContext(
        int counter,
        ZoneId timezone,
        String servingTopic,
        Clock clock,
        StateStore store,
        EventLog events,
        MessageLink link,
        Buttons buttons,
        Leds leds,
        Optional<TextDisplay> display,
        ScheduledExecutorService scheduler,
        Runnable telemetryChanged) {

    /** The rating pad's part of the kernel's context; its identity must name its counter. */
    public static RatingPadContext of(DeviceContext kernel) {
        int counter = kernel.identity().counter().orElseThrow(
                () -> new IllegalStateException("a rating pad's identity must name its counter"));
        return new RatingPadContext(counter, kernel.identity().timezone(),
                kernel.identity().officeTopic() + "/serving/" + counter, kernel.clock(), kernel.store(),
                kernel.events(), kernel.uplink(), kernel.hardware().buttons(), kernel.hardware().leds(),
                kernel.hardware().display(), kernel.scheduler(), kernel.management()::telemetryChanged);
    }
}
