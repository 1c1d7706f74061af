package vn.motcua.rating.session;

/** What a button press did. */
public enum PressOutcome {
    /** A rating was recorded. */
    RECORDED,
    /** "Unsatisfied" was taken; the reasons are now offered. */
    ASKING,
    /** The press did not count (and was counted as ignored). */
    IGNORED
}
