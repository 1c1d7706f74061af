package vn.motcua.common.update;

/** Why a device refuses a bundle pushed to it, spelled as {@code update.refused} events and update.json spell it. */
public enum Refusal {
    /** manifest.sig does not verify under the device's update key. */
    BAD_SIGNATURE("bad-signature"),
    /** The device has no usable update key: it refuses every bundle. */
    NO_KEY("no-key"),
    /** A bundle for another kind of device. */
    WRONG_KIND("wrong-kind"),
    /** Not a well-formed bundle (zip, manifest, listed files, hashes, paths). */
    MALFORMED("malformed"),
    /** Over 64 MiB, or over a limit inside the bundle. */
    TOO_LARGE("too-large"),
    /** The version is not newer than the running one. */
    NOT_NEWER("not-newer"),
    /** The version was rolled back (or refused by the launcher) before: never installed again. */
    ROLLED_BACK("rolled-back"),
    /** A trial is running or a bundle is already staged: one update at a time. */
    BUSY("busy");

    private final String wire;

    Refusal(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
