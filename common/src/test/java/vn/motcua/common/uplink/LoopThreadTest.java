package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LoopThreadTest {
    @Test
    void a_loop_that_stops_going_round_is_stuck_after_its_quiet_limit_and_one_that_ended_at_once() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        LoopThread hanging = new LoopThread("hanging", Duration.ofMillis(200), () -> {
            try {
                hang.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hanging.start();
        assertThat(hanging.status().running()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> hanging.status().stuck());
        assertThat(hanging.status().sinceProgress()).isGreaterThan(Duration.ofMillis(200));
        hanging.beat();
        assertThat(hanging.status().stuck()).isFalse();

        hang.countDown();
        hanging.join(5000);
        assertThat(hanging.status().running()).isFalse();
        assertThat(hanging.status().stuck()).as("a loop whose thread ended").isTrue();
    }
}
