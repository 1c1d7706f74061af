package vn.motcua.common.hardware;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Ticker} on a scheduler, for tests that drive the ticks by hand (with {@link ManualScheduler}). */
public final class ScheduledTicker {
    private ScheduledTicker() {
    }

    /** Ticks on {@code scheduler}. */
    public static Ticker on(ScheduledExecutorService scheduler) {
        return (periodMillis, task) -> {
            ScheduledFuture<?> ticking = scheduler.scheduleAtFixedRate(task, periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
            return () -> ticking.cancel(false);
        };
    }
}
