package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.internal.CommsCallback;
import org.eclipse.paho.client.mqttv3.internal.CommsReceiver;
import org.eclipse.paho.client.mqttv3.internal.CommsSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PahoThreadsTest {
    /** Watchers that never give up in a test: a loaded machine must not turn a wake-up into Paho's sleep. */
    private final PahoThreads threads = new PahoThreads("paho-test", TimeUnit.MINUTES.toMillis(1));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_starter_polling_a_comms_loop_is_woken_as_soon_as_the_loop_runs() throws Exception {
        for (Class<? extends Runnable> kind : List.of(CommsReceiver.class, CommsSender.class, CommsCallback.class)) {
            Object lifecycle = new Object();
            AtomicBoolean running = new AtomicBoolean();
            Runnable loop = mock(kind);
            Thread[] starter = new Thread[1];
            doAnswer(call -> {
                synchronized (lifecycle) {
                    // the loop gets going only once its starter sleeps in its poll, as on one core
                    while (starter[0].getState() != Thread.State.TIMED_WAITING) {
                        Thread.onSpinWait();
                    }
                    running.set(true);
                }
                release.await();
                return null;
            }).when(loop).run();
            when(isRunning(loop)).thenAnswer(call -> running.get());

            AtomicInteger wokenEarly = new AtomicInteger();
            starter[0] = Thread.currentThread();
            synchronized (lifecycle) {             // Paho submits the loop while holding its lock ...
                threads.submit(loop);
            }
            while (!isRunning(loop)) {             // ... and then polls, here with a sleep no test would wait out
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(10));
                } catch (InterruptedException e) {
                    wokenEarly.incrementAndGet();
                }
            }

            assertThat(wokenEarly).as(kind.getSimpleName()).hasValue(1);
            assertThat(Thread.interrupted()).as("no interrupt is left behind").isFalse();
        }
    }

    @Test
    void a_loop_that_never_says_it_runs_is_left_to_paho_after_the_limit() throws Exception {
        PahoThreads production = new PahoThreads("paho-limit");
        CommsReceiver stuck = mock(CommsReceiver.class);
        when(stuck.isRunning()).thenReturn(false);
        CountDownLatch ran = new CountDownLatch(1);
        doAnswer(call -> {
            ran.countDown();
            release.await();
            return null;
        }).when(stuck).run();
        try {
            production.submit(stuck);
            assertThat(ran.await(10, TimeUnit.SECONDS)).as("it was started all the same").isTrue();
            production.shutdown();
            release.countDown();
            assertThat(production.awaitTermination(10, TimeUnit.SECONDS)).as("its watcher gave up").isTrue();
        } finally {
            production.shutdownNow();
        }
    }

    @Test
    void other_tasks_run_as_on_any_executor_on_named_daemon_threads() throws Exception {
        AtomicBoolean daemon = new AtomicBoolean();
        StringBuilder name = new StringBuilder();
        assertThat(PahoThreads.loopRunning(() -> { })).isNull();
        threads.submit(() -> {
            daemon.set(Thread.currentThread().isDaemon());
            name.append(Thread.currentThread().getName());
        }).get(10, TimeUnit.SECONDS);
        assertThat(daemon).isTrue();
        assertThat(name.toString()).startsWith("paho-test");
    }

    /** Asks the loop itself, through the same mapping the pool uses. */
    private static boolean isRunning(Runnable loop) {
        return PahoThreads.loopRunning(loop).getAsBoolean();
    }
}
