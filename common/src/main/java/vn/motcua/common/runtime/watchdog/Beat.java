package vn.motcua.common.runtime.watchdog;

import java.time.Duration;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.uplink.LoopStatus;

/** How one watched loop is: its component, how long ago it went round, its deadline, and whether its thread runs. */
public record Beat(String component, Duration since, Duration deadline, boolean alive) {
    static Beat of(Heartbeat h) {
        return new Beat(h.component(), h.sinceBeat(), h.deadline(), true);
    }

    static Beat of(String component, LoopStatus loop) {
        return new Beat(component, loop.sinceProgress(), loop.quietLimit(), loop.running());
    }

    /** The loop's thread ended, or it has not gone round within its deadline. */
    public boolean stale() {
        return !alive || since.compareTo(deadline) > 0;
    }
}
