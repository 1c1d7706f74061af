package vn.motcua.common.update;

/**
 * A release bundle refused by {@link BundleVerifier} or {@link BundleExtractor}, with why: {@link Refusal#BAD_SIGNATURE}
 * and {@link Refusal#NO_KEY} answer 4.03, {@link Refusal#TOO_LARGE} 4.13, the others 4.00. The message names what is
 * wrong (a file, a field, a limit).
 */
public final class BundleException extends Exception {
    private final Refusal reason;

    public BundleException(Refusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleException(Refusal reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Refusal reason() {
        return reason;
    }
}
