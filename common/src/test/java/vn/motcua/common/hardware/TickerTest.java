package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.motcua.common.runtime.DeviceThreads;

class TickerTest {
    private final List<Thread> made = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads = task -> {
        Thread t = DeviceThreads.named("tick-test").newThread(task);
        made.add(t);
        return t;
    };

    @Test
    void ticks_on_a_thread_of_its_own_until_stopped() throws Exception {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Ticker.Stop stop = Ticker.ownThread(threads).every(5, () -> {
            ranOn.add(Thread.currentThread().getName());
            runs.incrementAndGet();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 5);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).isDaemon()).isTrue();
        assertThat(ranOn).containsOnly("tick-test");

        stop.stop();
        made.get(0).join(10_000);
        assertThat(made.get(0).isAlive()).as("the thread ends, so no tick comes after stop").isFalse();
    }

    @Test
    void a_task_that_throws_runs_again_at_the_next_tick() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Ticker.Stop stop = Ticker.ownThread(threads).every(5, () -> {
            if (runs.incrementAndGet() <= 3) {
                throw new IllegalStateException("a button that cannot be read");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 6);
        stop.stop();
        made.get(0).join(10_000);
        assertThat(made.get(0).isAlive()).isFalse();
    }

    @Test
    void the_first_tick_comes_one_period_after_the_start() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Ticker.Stop stop = Ticker.ownThread(threads).every(60_000, runs::incrementAndGet);
        await().atMost(Duration.ofSeconds(10)).until(() -> made.get(0).getState() == Thread.State.TIMED_WAITING);
        assertThat(runs).hasValue(0);
        stop.stop();
        made.get(0).join(10_000);
        assertThat(made.get(0).isAlive()).isFalse();
        assertThat(runs).hasValue(0);
    }

    @Test
    void on_a_scheduler_it_is_a_fixed_rate_task_that_stop_cancels() {
        ManualScheduler scheduler = new ManualScheduler();
        AtomicInteger runs = new AtomicInteger();
        Ticker.Stop stop = ScheduledTicker.on(scheduler).every(50, runs::incrementAndGet);
        assertThat(scheduler.live()).extracting(ManualScheduler.Task::periodMillis).containsExactly(50L);
        scheduler.runDue();
        assertThat(runs).hasValue(1);
        stop.stop();
        assertThat(scheduler.live()).isEmpty();
    }
}
