package vn.motcua.ticket.escpos;

/** A ticket could not be printed: the transport failed or the printer reports it cannot print. */
public class PrintException extends Exception {
    private final PrinterCondition condition;

    public PrintException(String message, PrinterCondition condition, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public PrintException(String message, PrinterCondition condition) {
        this(message, condition, null);
    }

    /** The printer condition that explains the failure ({@link PrinterCondition#OFFLINE} when the bytes did not get through). */
    public PrinterCondition condition() {
        return condition;
    }
}
