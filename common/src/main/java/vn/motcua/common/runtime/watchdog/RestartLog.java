package vn.motcua.common.runtime.watchdog;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.common.state.StateStore;

/**
 * The kernel's {@code restarts} table: each restart a component caused (its loop hung, or an uncaught failure ended
 * it), recorded durably before the process ends. Crashes, kill -9 and power cuts name no component and leave no row.
 */
public final class RestartLog {
    /** Restarts of one component within {@link #WINDOW} that start the device in safe mode. */
    public static final int LIMIT = 3;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Rows older than this are deleted when a new one is recorded. */
    static final Duration KEPT = Duration.ofDays(7);

    private final StateStore store;
    private final Clock clock;

    public RestartLog(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records a restart caused by {@code component} ({@code cause}: {@code hung} or {@code failed}), in one transaction. */
    public void record(String component, String version, String cause) {
        long now = clock.millis();
        store.inTransaction(tx -> {
            tx.update("INSERT INTO restarts(ts, component, version, cause) VALUES(?, ?, ?, ?)", now, component, version, cause);
            tx.update("DELETE FROM restarts WHERE ts < ?", now - KEPT.toMillis());
            return null;
        });
    }

    /**
     * The component that caused at least {@link #LIMIT} restarts within the last {@link #WINDOW} (the one with the most
     * when several did), or empty: the device then starts normally.
     */
    public Optional<SafeMode> safeMode() {
        long now = clock.millis();
        return store.read(tx -> tx.queryOne(
                "SELECT component, COUNT(*) AS n FROM restarts WHERE ts > ? AND ts <= ? GROUP BY component "
                        + "HAVING COUNT(*) >= ? ORDER BY n DESC, MAX(ts) DESC LIMIT 1",
                rs -> new SafeMode(rs.getString("component"), rs.getInt("n")),
                now - WINDOW.toMillis(), now, LIMIT));
    }

    /** Safe mode: {@code component} stays off this run, after {@code restarts} restarts it caused. */
    public record SafeMode(String component, int restarts) {
    }
}
