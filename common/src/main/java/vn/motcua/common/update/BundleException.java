package vn.motcua.common.update;

/**
 * A release bundle refused, with why: {@link Reason#BAD_SIGNATURE} and {@link Reason#NO_KEY} answer 4.03,
 * {@link Reason#TOO_LARGE} 4.13, the others 4.00. The message names what is wrong (a file, a field, a limit).
 */
public final class BundleException extends Exception {
    /** Why a bundle was refused. */
    public enum Reason {
        /** manifest.sig is missing or does not verify under the update key. */
        BAD_SIGNATURE("bad-signature"),
        /** No usable update key (none installed, or the file holds no Ed25519 key). */
        NO_KEY("no-key"),
        /** The bundle is for another kind of device. */
        WRONG_KIND("wrong-kind"),
        /** Not a zip, a bad manifest, an unlisted, missing, duplicate or altered file, an unsafe path. */
        MALFORMED("malformed"),
        /** Over a size or count limit (the bundle, one file, all files, the number of entries). */
        TOO_LARGE("too-large");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        /** The reason as events and update.json spell it ({@code bad-signature}, {@code wrong-kind}, ...). */
        public String wire() {
            return wire;
        }
    }

    private final Reason reason;

    public BundleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BundleException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
