package vn.motcua.ticket.escpos;

import java.io.IOException;
import java.time.Duration;
import org.tinylog.Logger;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.printer.ReceiptPrinter;
import vn.motcua.ticket.printer.TicketDocument;
import vn.motcua.ticket.transport.PrinterTransport;

/** The ESC/POS receipt printer: lays tickets out for a printer profile and talks to the printer over a transport. */
public final class EscPosPrinter implements ReceiptPrinter {
    /** How long one status question waits for its answer unless told otherwise. */
    public static final Duration DEFAULT_STATUS_TIMEOUT = Duration.ofMillis(800);

    private final PrinterTransport transport;
    private final PrinterProfile profile;
    private final TicketLayout layout;
    private final StatusProbe probe;
    private final long statusTimeoutMillis;

    /** A printer that waits {@link #DEFAULT_STATUS_TIMEOUT} for each status answer. */
    public EscPosPrinter(PrinterTransport transport, PrinterProfile profile) {
        this(transport, profile, DEFAULT_STATUS_TIMEOUT);
    }

    /** A printer whose every status question waits at most {@code statusTimeout} for an answer. */
    public EscPosPrinter(PrinterTransport transport, PrinterProfile profile, Duration statusTimeout) {
        this.transport = transport;
        this.profile = profile;
        this.layout = new TicketLayout(profile);
        this.probe = new StatusProbe(transport);
        this.statusTimeoutMillis = statusTimeout.toMillis();
    }

    @Override
    public synchronized PrinterCondition status() {
        return probe.probe(statusTimeoutMillis, statusTimeoutMillis);
    }

    /**
     * Sends the ticket, then asks the printer for its condition behind it (waiting also for the transfer), so a ticket
     * that ran out of paper or hit an open cover is reported as failed rather than as printed; the result carries that
     * condition, so nobody needs to ask again.
     */
    @Override
    public synchronized PrintResult print(TicketDocument doc) {
        byte[] bytes = layout.render(doc);
        try {
            transport.write(bytes);
        } catch (IOException e) {
            return PrintResult.failed(PrinterCondition.OFFLINE,
                    "ticket " + doc.ticket() + " not sent to printer " + transport.describe() + ": " + e.getMessage());
        }
        PrinterCondition after = probe.probe(statusTimeoutMillis + transport.transferMillis(bytes.length), statusTimeoutMillis);
        if (!after.canPrint()) {
            return PrintResult.failed(after, "printer " + transport.describe() + " reports " + after.wire() + " after ticket " + doc.ticket());
        }
        Logger.info("printed ticket {} ({} bytes, {} mode, {})", doc.ticket(), bytes.length, profile.mode().wire(), profile.id());
        return PrintResult.printed(after);
    }

    /** The bytes a document becomes on this printer, for tests and byte-count figures. */
    public byte[] render(TicketDocument doc) {
        return layout.render(doc);
    }

    public PrinterProfile profile() {
        return profile;
    }
}
