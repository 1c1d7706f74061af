package vn.motcua.ticket.dispense;

import java.util.Optional;
import org.tinylog.Logger;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.numbering.Allocation;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.numbering.StorageUnavailable;
import vn.motcua.ticket.numbering.TicketNumber;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;

/**
 * What a button press does: ignore it (no service, inside the minimum interval), refuse it (printer cannot print,
 * range exhausted, state disk refusing writes), or allocate a number durably and then print it (voiding the number if
 * the print fails). The printer is asked once before a number is allocated and answers once more behind the print,
 * both through the {@link PrinterGate}; the outcome is returned for the panel to draw.
 */
public final class Dispenser {
    private final Numbering numbering;
    private final PressThrottle throttle;
    private final PrinterGate gate;
    private final TicketComposer composer;
    private volatile TicketConfig config;
    private volatile boolean stopped;

    public Dispenser(Numbering numbering, PressThrottle throttle, PrinterGate gate, TicketComposer composer) {
        this.numbering = numbering;
        this.throttle = throttle;
        this.gate = gate;
        this.composer = composer;
    }

    public void configure(TicketConfig newConfig) {
        config = newConfig;
    }

    /** Ignores every press from now on (the device is stopping). */
    public void stop() {
        stopped = true;
    }

    /** Handles one debounced press of a button and says what came of it. */
    public PressResult press(String button) {
        if (stopped) {
            Logger.info("button {} pressed while the device stops; press ignored", button);
            return new PressResult.Ignored();
        }
        TicketConfig c = config;
        Optional<Service> found = c.serviceOnButton(button);
        if (found.isEmpty()) {
            throttle.ignore();
            Logger.info("button {} pressed; no service on it, press ignored", button);
            return new PressResult.Ignored();
        }
        Service service = found.get();
        if (!throttle.admit(c.minIntervalMillis())) {
            Logger.info("button {} pressed within {} ms of the last ticket; press ignored, the display asks to wait",
                    button, c.minIntervalMillis());
            return new PressResult.TooSoon();
        }
        PrinterCondition condition = gate.check();
        if (!condition.canPrint()) {
            Allocation refused = numbering.refuse(service.code(), Refusals.reason(condition), c.common().businessDayStart());
            Logger.warn("button {} pressed: ticket for {} refused, printer {}", button, service.code(), condition.wire());
            if (refused instanceof Allocation.NotRecorded lost) {
                notRecorded(button, lost);
                return new PressResult.Refused(service, condition, false);
            }
            return new PressResult.Refused(service, condition, true);
        }
        Allocation allocation = numbering.allocate(service, c.common().businessDayStart());
        if (allocation instanceof Allocation.Issued issued) {
            throttle.ticketIssued();
            return print(c, service, issued.ticket());
        }
        if (allocation instanceof Allocation.NotRecorded lost) {
            notRecorded(button, lost);
            return new PressResult.NotRecorded(service);
        }
        Logger.warn("button {} pressed: ticket for {} refused, its range {}..{} is used up today", button, service.code(),
                service.from(), service.to());
        return new PressResult.Exhausted(service);
    }

    private static void notRecorded(String button, Allocation.NotRecorded lost) {
        Logger.error("button {} pressed: ticket for {} refused ({}), and the refusal could not be recorded; counted in "
                + "telemetry refusedNotRecorded, tickets again once the state disk takes writes", button, lost.service(), lost.reason());
    }

    private PressResult print(TicketConfig c, Service service, TicketNumber ticket) {
        PrintResult result = gate.print(composer.compose(c, service, ticket));
        if (!result.printed()) {
            voided(ticket, result.after(), result.problem());
            return new PressResult.Voided(service, ticket, result.after());
        }
        Logger.info("button {} pressed: ticket {} issued and printed", service.button(), ticket.text());
        return new PressResult.Printed(service, ticket);
    }

    private void voided(TicketNumber ticket, PrinterCondition condition, String why) {
        String reason = Refusals.reason(condition);
        try {
            numbering.voided(ticket, reason);
        } catch (StorageUnavailable e) {
            Logger.error("button pressed: ticket {} allocated but not printed ({}: {}); ticket.voided could not be "
                    + "recorded ({}); its number is not reused", ticket.text(), reason, why, e.reason());
            return;
        }
        Logger.warn("button pressed: ticket {} allocated but voided ({}): {}; its number is not reused", ticket.text(), reason, why);
    }
}
