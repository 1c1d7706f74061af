package vn.motcua.ticket.dispense;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.tinylog.Logger;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.escpos.PrintException;
import vn.motcua.ticket.escpos.PrinterCondition;
import vn.motcua.ticket.escpos.ReceiptPrinter;
import vn.motcua.ticket.numbering.Allocation;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.numbering.StorageUnavailable;
import vn.motcua.ticket.numbering.TicketNumber;

/**
 * What a button press does: ignore it (no service, inside the minimum interval), refuse it (printer cannot print,
 * range exhausted, state disk refusing writes), or allocate a number durably and then print it (voiding the number if
 * the print fails).
 */
public final class Dispenser {
    private final Numbering numbering;
    private final PressThrottle throttle;
    private final PrinterGate gate;
    private final ReceiptPrinter printer;
    private final TicketComposer composer;
    private final TicketPanel panel;
    private final Executor afterPrint;
    private volatile TicketConfig config;
    private volatile boolean stopped;

    /** A dispenser; {@code afterPrint} runs the status check that follows every print. */
    public Dispenser(Numbering numbering, PressThrottle throttle, PrinterGate gate, ReceiptPrinter printer,
                     TicketComposer composer, TicketPanel panel, Executor afterPrint) {
        this.numbering = numbering;
        this.throttle = throttle;
        this.gate = gate;
        this.printer = printer;
        this.composer = composer;
        this.panel = panel;
        this.afterPrint = afterPrint;
    }

    public void configure(TicketConfig newConfig) {
        config = newConfig;
    }

    /** Ignores every press from now on (the device is stopping). */
    public void stop() {
        stopped = true;
    }

    /** Handles one debounced press of a button. */
    public void press(String button) {
        if (stopped) {
            Logger.info("button {} pressed while the device stops; press ignored", button);
            return;
        }
        TicketConfig c = config;
        Optional<Service> service = c.serviceOnButton(button);
        if (service.isEmpty()) {
            throttle.ignore();
            Logger.info("button {} pressed; no service on it, press ignored", button);
            return;
        }
        if (!throttle.admit(c.minIntervalMillis())) {
            Logger.info("button {} pressed within {} ms of the last ticket; press ignored, the display asks to wait",
                    button, c.minIntervalMillis());
            panel.pleaseWait();
            return;
        }
        PrinterCondition condition = gate.check();
        if (!condition.canPrint()) {
            Allocation refused = numbering.refuse(service.get().code(), Refusals.reason(condition), c.common().businessDayStart());
            Logger.warn("button {} pressed: ticket for {} refused, printer {}", button, service.get().code(), condition.wire());
            if (refused instanceof Allocation.NotRecorded lost) {
                notRecorded(button, lost);
            }
            return;
        }
        Allocation allocation = numbering.allocate(service.get(), c.common().businessDayStart());
        if (allocation instanceof Allocation.Issued issued) {
            throttle.ticketIssued();
            print(c, service.get(), issued.ticket());
        } else if (allocation instanceof Allocation.NotRecorded lost) {
            notRecorded(button, lost);
            panel.flash(PanelTexts.notRecorded());
        } else {
            Logger.warn("button {} pressed: ticket for {} refused, its range {}..{} is used up today", button, service.get().code(),
                    service.get().from(), service.get().to());
            panel.flash(PanelTexts.exhausted(service.get()));
        }
    }

    private static void notRecorded(String button, Allocation.NotRecorded lost) {
        Logger.error("button {} pressed: ticket for {} refused ({}), and the refusal could not be recorded; counted in "
                + "telemetry refusedNotRecorded, tickets again once the state disk takes writes", button, lost.service(), lost.reason());
    }

    private void print(TicketConfig c, Service service, TicketNumber ticket) {
        try {
            printer.print(composer.compose(c, service, ticket));
        } catch (PrintException e) {
            voided(ticket, e.condition(), e.getMessage());
            gate.observe(e.condition());
            return;
        } catch (RuntimeException e) {
            voided(ticket, PrinterCondition.OFFLINE, e.toString());
            return;
        } finally {
            afterPrint();
        }
        Logger.info("button {} pressed: ticket {} issued and printed", service.button(), ticket.text());
        panel.flash(PanelTexts.ticket(ticket, service));
    }

    private void afterPrint() {
        try {
            afterPrint.execute(this::checkQuietly);
        } catch (RejectedExecutionException e) {
            Logger.info("device stopping; no status check after this print");
        }
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

    private void checkQuietly() {
        try {
            gate.check();
        } catch (RuntimeException e) {
            Logger.warn("printer status check failed: {}; checked again on the next poll", e.getMessage());
        }
    }
}
