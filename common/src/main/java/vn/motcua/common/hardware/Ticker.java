package vn.motcua.common.hardware;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short task at a fixed rate until the returned {@link Stop} stops it. The buttons are polled on
 * {@link #ownThread}, not on the device's shared scheduler: there a slow storage probe and the hourly retention on a
 * slow SD card could hold both of its threads, and polls held for {@code Pi4jButtons.POLL_DEADLINE} make the
 * watchdog take the input as hung. A thread that parks until the next tick also costs a little less than the shared
 * scheduler for the same 20 polls a second (on this machine about 5 % of the rating pad's idle CPU; each wake-up
 * costs about 60 us of a core whatever wakes it).
 */
@FunctionalInterface
public interface Ticker {
    /** Runs {@code task} every {@code periodMillis}, the first time one period from now. */
    Stop every(long periodMillis, Runnable task);

    /** Stops the ticks; a run under way finishes. */
    @FunctionalInterface
    interface Stop {
        void stop();
    }

    /**
     * Ticks on a thread of its own from {@code threads}, one for each {@link #every}. A tick the thread was too late
     * for is skipped, not made up in a burst. A task that throws is logged and runs again at the next tick.
     */
    static Ticker ownThread(ThreadFactory threads) {
        return (periodMillis, task) -> {
            TickerThread ticking = new TickerThread(TimeUnit.MILLISECONDS.toNanos(Math.max(1, periodMillis)), task);
            ticking.thread = threads.newThread(ticking);
            ticking.thread.start();
            return ticking;
        };
    }
}
