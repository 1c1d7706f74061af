package vn.motcua.common.update;

/** A bundle the device will not stage: why, its version when that is known and trusted, and what is wrong. */
public final class RefusedBundle extends Exception {
    private final Refusal reason;
    private final String version;

    public RefusedBundle(Refusal reason, String version, String message) {
        super(message);
        this.reason = reason;
        this.version = version;
    }

    public Refusal reason() {
        return reason;
    }

    /** The bundle's version, or null when it is not known (or comes from an unverified manifest). */
    public String version() {
        return version;
    }
}
