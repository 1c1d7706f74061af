package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundQueueTest {
    private final InboundQueue queue = new InboundQueue(3, 1000);
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        queue.stop();
    }

    private static InboundMessage message(String text) {
        return new InboundMessage("t/" + text, text.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void a_handler_that_throws_loses_only_its_message() {
        queue.start();
        queue.offer(m -> {
            throw new IllegalStateException("broken handler");
        }, message("a"));
        queue.offer(m -> handled.add(m.text()), message("b"));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("b"));
        assertThat(queue.status().running()).isTrue();
        assertThat(queue.status().stuck()).isFalse();
    }

    @Test
    void a_flood_drops_the_oldest_waiting_messages_counted_and_never_blocks_the_caller() throws Exception {
        CountDownLatch release = givenABusyHandler();
        for (int i = 1; i <= 10; i++) {
            queue.offer(m -> handled.add(m.text()), message("m" + i));
        }
        assertThat(queue.dropped()).isEqualTo(7);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 3);
        assertThat(handled).containsExactly("m8", "m9", "m10");
    }

    @Test
    void the_queue_is_bounded_in_bytes_too() throws Exception {
        CountDownLatch release = givenABusyHandler();
        queue.offer(m -> handled.add("big1"), new InboundMessage("t", new byte[600], false));
        queue.offer(m -> handled.add("big2"), new InboundMessage("t", new byte[600], false));
        assertThat(queue.dropped()).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.contains("big2"));
        assertThat(handled).containsExactly("big2");
    }

    /** Starts the queue with its one handler thread busy until the returned latch is released. */
    private CountDownLatch givenABusyHandler() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        queue.start();
        queue.offer(m -> {
            busy.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, message("slow"));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }
}
