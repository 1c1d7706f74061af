package vn.motcua.ctl;

/** A failure that ends a command with one line on stderr and a definite exit code from {@link ExitCodes}. */
public final class CtlException extends Exception {
    private final int exitCode;

    public CtlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
