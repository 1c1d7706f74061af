package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void grows_exponentially_with_jitter_up_to_the_cap_and_resets() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));
        long[] ceilings = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
        boolean jittered = false;
        for (long ceiling : ceilings) {
            long wait = b.next().toMillis();
            assertThat(wait).isBetween(1000L, ceiling);
            jittered |= wait != ceiling;
        }
        assertThat(jittered).as("waits are randomised").isTrue();
        b.reset();
        assertThat(b.next().toMillis()).isEqualTo(1000);
    }

    @Test
    void never_overflows_after_a_very_long_outage() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));
        for (int i = 0; i < 10_000; i++) {
            assertThat(b.next().toMillis()).isBetween(1000L, 60_000L);
        }
    }
}
