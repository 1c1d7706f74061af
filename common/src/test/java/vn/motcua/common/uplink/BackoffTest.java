package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

    @Test
    void two_uplinks_made_on_one_thread_and_connecting_on_others_wait_differently() throws Exception {
        Backoff first = Backoff.seeded(Duration.ofSeconds(1), Duration.ofSeconds(60));
        Backoff second = Backoff.seeded(Duration.ofSeconds(1), Duration.ofSeconds(60));
        List<Long> a = BackoffWaits.onAnotherThread(first, 8);
        List<Long> b = BackoffWaits.onAnotherThread(second, 8);
        assertThat(a).isNotEqualTo(b);
    }

    /** The fault seen in the field: a ThreadLocalRandom fetched on main gave every JVM the same waits. */
    @Test
    void two_device_jvms_wait_differently() throws Exception {
        assertThat(waitsInAChildJvm()).isNotEqualTo(waitsInAChildJvm());
    }

    private static String waitsInAChildJvm() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), BackoffWaits.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).matches("\\[(\\d+, ){7}\\d+\\]");
        return out;
    }
}
