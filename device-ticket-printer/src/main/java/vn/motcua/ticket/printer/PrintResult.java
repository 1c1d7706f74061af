package vn.motcua.ticket.printer;

/**
 * What one print did: whether the ticket came out, the printer's condition asked right behind it (the one status
 * round trip after printing), and why it failed, for the log.
 */
public record PrintResult(boolean printed, PrinterCondition after, String problem) {
    /** The document was delivered and the printer reports it can print. */
    public static PrintResult printed(PrinterCondition after) {
        return new PrintResult(true, after, "");
    }

    /** The document did not come out; {@code after} is the condition that says why. */
    public static PrintResult failed(PrinterCondition after, String problem) {
        return new PrintResult(false, after, problem);
    }
}
