package vn.motcua.rating.session;

/** What a button press did. */
public enum PressOutcome {
    /** A rating was recorded. */
    RECORDED,
    /** "Unsatisfied" was taken; the reasons are now offered. */
    ASKING,
    /** The press did not count (and was counted as ignored). */
    IGNORED,
    /** The rating was given but the state disk refused to record it (shown on the pad and counted). */
    NOT_RECORDED
}
