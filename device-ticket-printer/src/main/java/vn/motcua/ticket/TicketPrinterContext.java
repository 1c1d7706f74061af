package vn.motcua.ticket;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.management.Management;
import vn.motcua.common.runtime.Actions;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.uplink.MessageLink;

/**
 * What the ticket printer uses of the kernel: the office's queue topics it follows for "people ahead", the store and
 * event log its numbering goes to, the health model its printer gate reports to, its buttons, LEDs and display, the
 * shared scheduler (status poll, panel), the actions it adds ({@code test-print}) and the management server (its
 * {@code /sim/printer*} resources). It never sees the uplink's controls, the identity file or the state directory.
 */
public record TicketPrinterContext(
        ZoneId timezone,
        String queueTopics,
        Clock clock,
        StateStore store,
        EventLog events,
        HealthModel health,
        MessageLink link,
        Buttons buttons,
        Leds leds,
        Optional<TextDisplay> display,
        ScheduledExecutorService scheduler,
        Actions actions,
        Management management) {

    /** The ticket printer's part of the kernel's context. */
    public static TicketPrinterContext of(DeviceContext kernel) {
        return new TicketPrinterContext(kernel.identity().timezone(), kernel.identity().officeTopic() + "/queue/+",
                kernel.clock(), kernel.store(), kernel.events(), kernel.health(), kernel.uplink(),
                kernel.hardware().buttons(), kernel.hardware().leds(), kernel.hardware().display(),
                kernel.scheduler(), kernel.actions(), kernel.management());
    }
}
