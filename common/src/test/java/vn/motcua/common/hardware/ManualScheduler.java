package vn.motcua.common.hardware;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler for tests: nothing runs until {@link #runDue()} runs every live task once, on the test thread. */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Task> tasks = new ArrayList<>();
    private boolean shutdown;

    /** A scheduled task; cancelling removes it from later runs. */
    public static final class Task implements ScheduledFuture<Object> {
        final Runnable body;
        final long periodMillis;
        boolean cancelled;
        boolean ran;

        Task(Runnable body, long periodMillis) {
            this.body = body;
            this.periodMillis = periodMillis;
        }

        public long periodMillis() {
            return periodMillis;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || (ran && periodMillis == 0);
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    /** Runs every live task once (one-shot tasks are then done). */
    public synchronized void runDue() {
        for (Task t : new ArrayList<>(tasks)) {
            if (!t.cancelled && !(t.ran && t.periodMillis == 0)) {
                t.ran = true;
                t.body.run();
            }
        }
    }

    /** Tasks not cancelled, in scheduling order. */
    public synchronized List<Task> live() {
        return tasks.stream().filter(t -> !t.isDone()).toList();
    }

    private synchronized Task add(Runnable body, long periodMillis) {
        Task t = new Task(body, periodMillis);
        tasks.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(command, 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the hardware adapters");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(command, unit.toMillis(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(command, unit.toMillis(delay));
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
