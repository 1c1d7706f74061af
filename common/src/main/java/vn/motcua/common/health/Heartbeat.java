package vn.motcua.common.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The beat of one long-lived loop of a watched component ({@code input}, {@code app}, ...): the loop calls
 * {@link #beat()} each time it goes round, and the runtime's watchdog takes the component as hung when no beat came
 * within the deadline. Time is monotonic ({@link System#nanoTime()}): a wall clock set by NTP must not look like a hang.
 */
public final class Heartbeat {
    private final String component;
    private final Duration deadline;
    private final LongSupplier nanos;
    private final AtomicBoolean first = new AtomicBoolean(true);
    private volatile long last;

    /** A heartbeat that has just beaten; {@code nanos} is a monotonic time source (tests step it). */
    public Heartbeat(String component, Duration deadline, LongSupplier nanos) {
        this.component = component;
        this.deadline = deadline;
        this.nanos = nanos;
        this.last = nanos.getAsLong();
    }

    /** Called by the loop each time it goes round. */
    public void beat() {
        if (!first.compareAndSet(true, false)) {
            TestHang.blockIfAsked(component);
        }
        last = nanos.getAsLong();
    }

    public String component() {
        return component;
    }

    public Duration deadline() {
        return deadline;
    }

    /** How long ago the loop last went round. */
    public Duration sinceBeat() {
        return Duration.ofNanos(nanos.getAsLong() - last);
    }

    /** True when the loop has not gone round within its deadline. */
    public boolean stale() {
        return sinceBeat().compareTo(deadline) > 0;
    }
}
