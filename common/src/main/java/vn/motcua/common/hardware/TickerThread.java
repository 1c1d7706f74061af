package vn.motcua.common.hardware;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.tinylog.Logger;

/** The loop of {@link Ticker#ownThread}: parks until the next tick, runs the task. */
final class TickerThread implements Runnable, Ticker.Stop {
    private final long periodNanos;
    private final Runnable task;
    private volatile boolean stopped;
    volatile Thread thread;

    TickerThread(long periodNanos, Runnable task) {
        this.periodNanos = periodNanos;
        this.task = task;
    }

    @Override
    public void run() {
        long next = System.nanoTime() + periodNanos;
        boolean failing = false;
        while (!stopped) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
                continue;
            }
            try {
                task.run();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    Logger.error(e, "a task ticking every {} ms failed; it runs again at every tick",
                            TimeUnit.NANOSECONDS.toMillis(periodNanos));
                    failing = true;
                } else {
                    Logger.debug("a task ticking every {} ms failed again: {}", TimeUnit.NANOSECONDS.toMillis(periodNanos),
                            e.getMessage());
                }
            }
            next += periodNanos;
            long now = System.nanoTime();
            if (now - next > 0) {
                next = now + periodNanos;
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }
}
