package vn.motcua.common.runtime.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Notifier notifier = mock(Notifier.class);
    private final Ending ending = mock(Ending.class);
    private final List<Beat> beats = new ArrayList<>();
    private final AtomicInteger selfChecks = new AtomicInteger();
    private final Watchdog watchdog = new Watchdog(notifier, () -> List.copyOf(beats), selfChecks::incrementAndGet, ending);

    @Test
    void pings_while_every_loop_went_round_within_its_deadline() {
        beats.add(fresh("input"));
        beats.add(fresh("outbox"));
        assertThat(watchdog.check()).isTrue();
        assertThat(watchdog.check()).isTrue();
        verify(notifier, times(2)).send("WATCHDOG=1");
        verifyNoInteractions(ending);
    }

    @Test
    void a_stale_loop_ends_the_process_naming_its_component_and_the_pings_stop() {
        beats.add(fresh("input"));
        beats.add(new Beat("outbox", DEADLINE.plusMillis(1), DEADLINE, true));
        assertThat(watchdog.check()).isFalse();
        verify(ending).end("outbox", "hung");
        beats.set(1, fresh("outbox"));
        assertThat(watchdog.check()).isFalse();
        verify(notifier, never()).send(anyString());
        verify(ending, times(1)).end(anyString(), anyString());
    }

    @Test
    void a_loop_whose_thread_ended_is_stale_even_with_a_recent_beat() {
        beats.add(new Beat("mqtt", Duration.ZERO, DEADLINE, false));
        assertThat(watchdog.check()).isFalse();
        verify(ending).end("mqtt", "hung");
    }

    @Test
    void the_first_scheduled_round_judges_at_once() {
        long period = Duration.ofSeconds(1).toNanos();
        beats.add(new Beat("input", DEADLINE.plusSeconds(20), DEADLINE, true));
        long now = 1_000;
        assertThat(watchdog.tick(now, period)).isFalse();
        verify(ending).end("input", "hung");
    }

    @Test
    void after_a_pause_the_loops_get_one_more_period() {
        long period = Duration.ofSeconds(1).toNanos();
        beats.add(fresh("input"));
        assertThat(watchdog.tick(0, period)).isTrue();
        beats.set(0, new Beat("input", DEADLINE.plusSeconds(20), DEADLINE, true));
        assertThat(watchdog.tick(Duration.ofSeconds(30).toNanos(), period)).isTrue();
        verifyNoInteractions(ending);
        assertThat(watchdog.tick(Duration.ofSeconds(31).toNanos(), period)).isFalse();
        verify(ending).end("input", "hung");
        verify(notifier, times(2)).send("WATCHDOG=1");
    }

    @Test
    void the_self_checks_run_at_every_round() {
        watchdog.check();
        watchdog.check();
        assertThat(selfChecks).hasValue(2);
    }

    @Test
    void an_uncaught_failure_on_a_component_loop_thread_ends_the_process_as_failed() {
        watchdog.failureHandler().uncaughtException(new Thread("outbox-drainer"), new OutOfMemoryError("test"));
        verify(ending).end("outbox", "failed");
        assertThat(watchdog.check()).isFalse();
        verify(notifier, never()).send(anyString());
    }

    @Test
    void an_uncaught_failure_on_another_thread_is_only_logged() {
        watchdog.failureHandler().uncaughtException(new Thread("screen-http-1"), new IllegalStateException("test"));
        verifyNoInteractions(ending);
        assertThat(watchdog.check()).isTrue();
    }

    @Test
    void checks_every_half_of_watchdog_usec_or_every_15_s_without_it() {
        assertThat(Watchdog.period(Map.of("WATCHDOG_USEC", "30000000"))).isEqualTo(Duration.ofSeconds(15));
        assertThat(Watchdog.period(Map.of("WATCHDOG_USEC", "2000000"))).isEqualTo(Duration.ofSeconds(1));
        assertThat(Watchdog.period(Map.of())).isEqualTo(Watchdog.DEFAULT_PERIOD);
        assertThat(Watchdog.period(Map.of("WATCHDOG_USEC", "soon"))).isEqualTo(Watchdog.DEFAULT_PERIOD);
    }

    @Test
    void start_tells_systemd_it_is_ready_and_stop_that_it_stops() {
        watchdog.start(Duration.ofHours(1), "running");
        try {
            verify(notifier).send("READY=1\nSTATUS=running");
        } finally {
            watchdog.stop();
            Thread.setDefaultUncaughtExceptionHandler(null);
        }
        verify(notifier).send("STOPPING=1");
    }

    private static Beat fresh(String component) {
        return new Beat(component, Duration.ofSeconds(1), DEADLINE, true);
    }
}
