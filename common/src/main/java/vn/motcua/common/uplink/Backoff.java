package vn.motcua.common.uplink;

import java.time.Duration;
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
