package vn.motcua.ticket.escpos;

/** The ticket printer port: asks the printer for its condition and prints one ticket. */
public interface ReceiptPrinter {

    /** Asks the printer for its condition now, within a bounded time (no answer means {@link PrinterCondition#OFFLINE}). */
    PrinterCondition status();

    /** Prints one document and cuts the paper; throws when the bytes could not be delivered or the printer reports it cannot print. */
    void print(TicketDocument doc) throws PrintException;
}
