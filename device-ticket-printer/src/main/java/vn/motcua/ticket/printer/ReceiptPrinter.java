package vn.motcua.ticket.printer;

/** The ticket printer port: asks the printer for its condition and prints one ticket. */
public interface ReceiptPrinter {

    /** Asks the printer for its condition now, within a bounded time (no answer means {@link PrinterCondition#OFFLINE}). */
    PrinterCondition status();

    /**
     * Prints one document and cuts the paper, then asks the printer for its condition behind it; a ticket whose bytes
     * could not be delivered, or after which the printer reports it cannot print, is a failed result, never thrown.
     */
    PrintResult print(TicketDocument doc);
}
