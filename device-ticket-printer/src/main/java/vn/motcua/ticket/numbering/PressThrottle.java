package vn.motcua.ticket.numbering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispenser's minimum interval: a press within {@code minIntervalMillis} of the previous ticket is ignored and
 * counted, as are presses on buttons without a service. A clock set back does not block the dispenser.
 */
public final class PressThrottle {
    private final Clock clock;
    private final AtomicLong ignored = new AtomicLong();
    private Instant lastTicket;

    public PressThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether a press now may ask for a ticket; counts it as ignored when not. */
    public synchronized boolean admit(int minIntervalMillis) {
        if (lastTicket != null) {
            Duration since = Duration.between(lastTicket, clock.instant());
            if (!since.isNegative() && since.toMillis() < minIntervalMillis) {
                ignored.incrementAndGet();
                return false;
            }
        }
        return true;
    }

    /** Marks that a ticket was just allocated, starting the interval. */
    public synchronized void ticketIssued() {
        lastTicket = clock.instant();
    }

    /** Counts a press that is ignored for another reason (a button with no service). */
    public void ignore() {
        ignored.incrementAndGet();
    }

    public long ignoredPresses() {
        return ignored.get();
    }
}
