package vn.motcua.common.runtime.watchdog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;
import vn.motcua.common.health.Components;
import vn.motcua.common.runtime.DeviceThreads;

/**
 * Pings systemd's watchdog ({@code WATCHDOG=1}) every period only while every watched loop has gone round within its
 * deadline. A stale one ends the process through {@link Ending} (cause {@code hung}) and the pings stop; an uncaught
 * exception that ends a component's loop thread ends it too (cause {@code failed}).
 */
public final class Watchdog {
    /** The check period when systemd gives no {@code WATCHDOG_USEC}: half of the unit's {@code WatchdogSec=30}. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

    private final Notifier notifier;
    private final Supplier<List<Beat>> beats;
    private final Runnable selfChecks;
    private final Ending ending;
    private volatile boolean ended;
    private ScheduledExecutorService timer;
    private long lastTick;
    private boolean ticked;

    /** {@code selfChecks} runs at the start of every check (it asks executors to run a beat for the next one). */
    public Watchdog(Notifier notifier, Supplier<List<Beat>> beats, Runnable selfChecks, Ending ending) {
        this.notifier = notifier;
        this.beats = beats;
        this.selfChecks = selfChecks;
        this.ending = ending;
    }

    /** Half of systemd's {@code WATCHDOG_USEC}, as sd_watchdog_enabled(3) advises; {@link #DEFAULT_PERIOD} without it. */
    public static Duration period(Map<String, String> env) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec != null) {
            try {
                long micros = Long.parseLong(usec.trim());
                if (micros > 0) {
                    return Duration.ofNanos(micros * 1000 / 2);
                }
            } catch (NumberFormatException e) {
                Logger.warn("WATCHDOG_USEC={} is not a number; checking every {} s", usec, DEFAULT_PERIOD.toSeconds());
            }
        }
        return DEFAULT_PERIOD;
    }

    /**
     * One round: runs the self-checks, then pings when every watched loop is fresh, or ends the process naming the
     * first stale one. Returns whether it pinged.
     */
    public boolean check() {
        if (ended) {
            return false;
        }
        selfChecks.run();
        for (Beat b : beats.get()) {
            if (b.stale()) {
                ended = true;
                Logger.error("the {} loop {} (last went round {} ms ago, deadline {} ms); no more watchdog pings",
                        b.component(), b.alive() ? "hung" : "ended", b.since().toMillis(), b.deadline().toMillis());
                ending.end(b.component(), "hung");
                return false;
            }
        }
        notifier.send("WATCHDOG=1");
        return true;
    }

    /** The uncaught-exception handler that ends the process when a component's loop thread dies, else logs. */
    public Thread.UncaughtExceptionHandler failureHandler() {
        return (thread, e) -> Components.ofLoop(thread.getName()).ifPresentOrElse(component -> {
            ended = true;
            Logger.error(e, "the {} loop (thread {}) ended on an uncaught failure", component, thread.getName());
            ending.end(component, "failed");
        }, () -> Logger.error(e, "thread {} ended on an uncaught failure", thread.getName()));
    }

    /** Tells systemd the runtime is ready, installs the failure handler and checks every {@code period}. */
    public synchronized void start(Duration period, String status) {
        Thread.setDefaultUncaughtExceptionHandler(failureHandler());
        notifier.send("READY=1\nSTATUS=" + status);
        timer = Executors.newSingleThreadScheduledExecutor(DeviceThreads.named("watchdog"));
        long millis = Math.max(1, period.toMillis());
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        timer.scheduleAtFixedRate(() -> tickSafely(nanos), millis, millis, TimeUnit.MILLISECONDS);
        Logger.info("watchdog: checking the runtime's loops every {} ms", millis);
    }

    /** Stops checking (a clean stop: the loops are stopped next) and tells systemd. */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            notifier.send("STOPPING=1");
        }
    }

    /**
     * A scheduled round at {@code nowNanos}. A round that comes more than two periods after the last one means the
     * whole process was paused (a long GC, swapping, SIGSTOP): every loop then looks late, so that round runs the
     * self-checks and pings without judging, and the loops get one more period to go round.
     */
    boolean tick(long nowNanos, long periodNanos) {
        long gap = nowNanos - lastTick;
        boolean late = ticked && gap > 2 * periodNanos;
        lastTick = nowNanos;
        ticked = true;
        if (late && !ended) {
            Logger.warn("the watchdog ran {} ms after its last round (the process was paused); the loops get one more "
                    + "period before they are judged", TimeUnit.NANOSECONDS.toMillis(gap));
            selfChecks.run();
            notifier.send("WATCHDOG=1");
            return true;
        }
        return check();
    }

    private void tickSafely(long periodNanos) {
        try {
            tick(System.nanoTime(), periodNanos);
        } catch (RuntimeException e) {
            Logger.error(e, "the watchdog check failed; it runs again in one period");
        }
    }
}
