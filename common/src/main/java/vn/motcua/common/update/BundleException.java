package vn.motcua.common.update;

/**
 * A release bundle refused by {@link BundleVerifier} or {@link BundleExtractor}, with why: {@link Refusal#BAD_SIGNATURE}
 * and {@link Refusal#NO_KEY} answer 4.03, {@link Refusal#TOO_LARGE} 4.13, the others 4.00. The message names what is
 * wrong (a file, a field, a limit).
 */
public final class BundleException extends Exception {
    private final Refusal reason;
    private final String signedVersion;

    public BundleException(Refusal reason, String message) {
        this(reason, message, null, null);
    }

    public BundleException(Refusal reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    private BundleException(Refusal reason, String message, String signedVersion, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.signedVersion = signedVersion;
    }

    /**
     * A bundle whose signature verified, for another kind of device: its {@code version} is the district's word and
     * is kept for the refusal's record.
     */
    public static BundleException wrongKind(String version, String message) {
        return new BundleException(Refusal.WRONG_KIND, message, version, null);
    }

    /** The version of a signed bundle refused for its kind; null for every other refusal. */
    public String signedVersion() {
        return signedVersion;
    }

    public Refusal reason() {
        return reason;
    }
}
