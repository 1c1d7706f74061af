package vn.motcua.common.runtime.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.runtime.watchdog.RestartLog.SafeMode;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class RestartLogTest {
    private final Path dir = TestDirs.create("restarts-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final StateStore store = StateStore.open(dir);
    private final RestartLog restarts = new RestartLog(store, clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void three_restarts_of_one_component_within_ten_minutes_start_safe_mode() {
        recordEveryMinute("outbox", 3);
        assertThat(restarts.safeMode()).contains(new SafeMode("outbox", 3));
    }

    @Test
    void two_restarts_do_not() {
        recordEveryMinute("outbox", 2);
        assertThat(restarts.safeMode()).isEmpty();
    }

    @Test
    void restarts_of_different_components_do_not_add_up() {
        recordEveryMinute("outbox", 2);
        recordEveryMinute("input", 2);
        assertThat(restarts.safeMode()).isEmpty();
    }

    @Test
    void safe_mode_ends_once_the_rows_are_older_than_ten_minutes() {
        recordEveryMinute("input", 3);
        clock.advance(Duration.ofMinutes(7).minusSeconds(1));
        assertThat(restarts.safeMode()).contains(new SafeMode("input", 3));
        clock.advance(Duration.ofSeconds(1));
        assertThat(restarts.safeMode()).isEmpty();
    }

    @Test
    void the_component_with_the_most_restarts_is_the_one_kept_off() {
        recordEveryMinute("app", 3);
        recordEveryMinute("mqtt", 4);
        assertThat(restarts.safeMode()).contains(new SafeMode("mqtt", 4));
    }

    @Test
    void rows_stay_after_a_reopen_and_name_the_version_and_cause() {
        restarts.record("outbox", "0.2.0", "hung");
        store.close();
        try (StateStore reopened = StateStore.open(dir)) {
            List<String> rows = reopened.read(tx -> tx.query("SELECT ts, component, version, cause FROM restarts",
                    rs -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)));
            assertThat(rows).containsExactly(clock.millis() + " outbox 0.2.0 hung");
        }
    }

    private void recordEveryMinute(String component, int n) {
        for (int i = 0; i < n; i++) {
            restarts.record(component, "0.1.0", "hung");
            clock.advance(Duration.ofMinutes(1));
        }
    }
}
