package vn.motcua.common.uplink;

import java.time.Duration;

/**
 * One of the uplink's long-lived loops: whether its thread still runs, how long ago it last went round, and how long it
 * may stay quiet when healthy (a watchdog restarts the process when {@link #stuck()}).
 */
public record LoopStatus(String loop, boolean running, Duration sinceProgress, Duration quietLimit) {
    /** True when the loop's thread ended or it has not gone round within its quiet limit. */
    public boolean stuck() {
        return !running || sinceProgress.compareTo(quietLimit) > 0;
    }
}
