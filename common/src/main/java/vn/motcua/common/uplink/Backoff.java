package vn.motcua.common.uplink;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Capped exponential backoff with full jitter: attempt n waits a random time in [base, min(cap, base*2^n)]. */
public final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /**
     * A backoff whose jitter differs from one device to the next and from one run to the next, on whatever thread it is
     * used: seeded from the operating system's entropy, so devices booted together after a power cut do not reconnect
     * in step. (A {@code ThreadLocalRandom} fetched on one thread and used on another is not seeded there and gives
     * every JVM the same waits.)
     */
    public static Backoff seeded(Duration base, Duration cap) {
        return new Backoff(base, cap, new SplittableRandom(new SecureRandom().nextLong()));
    }

    /** The wait before the next attempt; each call doubles the ceiling up to the cap. */
    public Duration next() {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(ceiling <= baseMillis ? baseMillis : random.nextLong(baseMillis, ceiling + 1));
    }

    public void reset() {
        attempt = 0;
    }
}
