package vn.motcua.ticket.dispense;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.json.Json;
import vn.motcua.ticket.numbering.StorageUnavailable;
import vn.motcua.ticket.numbering.TicketLedger;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.printer.ReceiptPrinter;
import vn.motcua.ticket.printer.TicketDocument;

/**
 * The printer's only owner: every status question and every print goes through it, so it always knows the printer's
 * condition (the status asked before a ticket is allocated, and the one the printer reports right after printing).
 * It records {@code printer.fault} once per fault and {@code printer.recovered} when it ends (the last condition
 * recorded is kept in the ledger, so a restart does not repeat them), and reports the health component.
 */
public final class PrinterGate {
    public static final String COMPONENT = "printer";

    private final ReceiptPrinter printer;
    private final TicketLedger ledger;
    private final HealthModel health;
    private final List<Consumer<PrinterCondition>> listeners = new CopyOnWriteArrayList<>();
    private volatile PrinterCondition current = PrinterCondition.OK;
    private PrinterCondition recorded = PrinterCondition.OK;

    public PrinterGate(ReceiptPrinter printer, TicketLedger ledger, HealthModel health) {
        this.printer = printer;
        this.ledger = ledger;
        this.health = health;
    }

    /** Loads the last recorded condition and registers the critical health component. */
    public void start() {
        recorded = ledger.read(v -> v.printerCondition()).map(PrinterCondition::fromWire).orElse(PrinterCondition.OK);
        current = recorded;
        health.register(COMPONENT, true, status(current));
    }

    /** Asks the printer for its condition now (one status round trip) and takes note of it. */
    public PrinterCondition check() {
        PrinterCondition c = printer.status();
        observe(c);
        return c;
    }

    /**
     * Prints one document and takes note of the condition the printer reports right behind it; no further status
     * question is needed. A print that throws (a bug, not the printer) fails as offline without changing the condition.
     */
    public PrintResult print(TicketDocument doc) {
        PrintResult result;
        try {
            result = printer.print(doc);
        } catch (RuntimeException e) {
            return PrintResult.failed(PrinterCondition.OFFLINE, e.toString());
        }
        observe(result.after());
        return result;
    }

    /**
     * Takes note of a condition seen by a status query or a print. A change the state disk refuses to record still
     * takes effect; it is recorded (from the last recorded condition) at a later check once the disk writes.
     */
    private synchronized void observe(PrinterCondition next) {
        PrinterCondition previous = current;
        record(next, next != previous);
        if (next == previous) {
            return;
        }
        current = next;
        log(previous, next);
        health.report(COMPONENT, status(next));
        listeners.forEach(l -> l.accept(next));
    }

    /** The condition last seen; what the panel, telemetry and presses go by. */
    public PrinterCondition current() {
        return current;
    }

    /** Hears every change of condition, on the thread that noticed it. */
    public void addListener(Consumer<PrinterCondition> listener) {
        listeners.add(listener);
    }

    private void record(PrinterCondition next, boolean firstSeen) {
        PrinterCondition from = recorded;
        if (next == from) {
            return;
        }
        try {
            ledger.atomically(tx -> {
                if (from != PrinterCondition.OK) {
                    tx.record("printer.recovered", Json.object().put("condition", from.wire()));
                }
                if (next != PrinterCondition.OK) {
                    tx.record("printer.fault", Json.object().put("condition", next.wire()));
                }
                tx.printerCondition(next.wire());
                return null;
            });
            recorded = next;
        } catch (StorageUnavailable e) {
            if (firstSeen) {
                Logger.error("printer {} not recorded: {}; recorded at a later status check", next.wire(), e.getMessage());
            }
        }
    }

    private static ComponentStatus status(PrinterCondition c) {
        if (c == PrinterCondition.OK) {
            return ComponentStatus.OK;
        }
        return c.canPrint() ? ComponentStatus.warning(c.wire()) : ComponentStatus.fault(c.wire());
    }

    private static void log(PrinterCondition previous, PrinterCondition next) {
        switch (next) {
            case OK -> Logger.info("printer {} cleared; issuing tickets again", previous.wire());
            case PAPER_NEAR_END -> Logger.warn("printer paper near end; still issuing tickets, refill soon");
            case PAPER_OUT -> Logger.warn("printer out of paper; refusing tickets until it is refilled");
            case COVER_OPEN -> Logger.warn("printer cover open; refusing tickets until it is closed");
            case OFFLINE -> Logger.warn("printer offline; refusing tickets until it answers again");
        }
    }
}
