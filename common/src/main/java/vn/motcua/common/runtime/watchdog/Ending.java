package vn.motcua.common.runtime.watchdog;

/** Ends the process because a component hung or failed, after recording it durably; does not return. */
public interface Ending {
    /** {@code cause}: {@code hung} (its loop stopped going round) or {@code failed} (an uncaught failure ended it). */
    void end(String component, String cause);
}
