package vn.motcua.common.runtime.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class DeviceWatchTest {
    private final Path dir = TestDirs.create("device-watch-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final StateStore store = StateStore.open(dir);
    private final EventLog events = new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock);
    private final HealthModel health = new HealthModel();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void without_three_recent_restarts_everything_runs_and_nothing_is_announced() {
        restarts(Components.INPUT, 2);
        DeviceWatch watch = watch();
        watch.announce(store, events);
        assertThat(watch.safeMode()).isEmpty();
        assertThat(watch.appRuns()).isTrue();
        assertThat(watch.uplinkRuns()).isTrue();
        assertThat(events.lastSeq()).isZero();
        assertThat(health.overall()).isEqualTo(HealthModel.Overall.OK);
    }

    @Test
    void safe_mode_for_input_keeps_the_app_off_reports_a_fault_and_records_the_event_once() {
        restarts(Components.INPUT, 3);
        DeviceWatch watch = watch();
        watch.announce(store, events);
        assertThat(watch.appRuns()).isFalse();
        assertThat(watch.uplinkRuns()).isTrue();
        assertThat(health.overall()).isEqualTo(HealthModel.Overall.FAULT);
        assertThat(health.status("safe-mode:input").wire()).isEqualTo("fault:restarts-3");
        assertThat(events.readAfter(0, 10)).extracting(RecordedEvent::type).containsExactly("device.safe-mode");
        assertThat(events.readAfter(0, 10).get(0).envelope()).contains("\"restarts\":3", "\"component\":\"input\"");
    }

    @Test
    void safe_mode_for_the_app_keeps_the_app_off() {
        restarts(Components.APP, 3);
        assertThat(watch().appRuns()).isFalse();
    }

    @Test
    void safe_mode_for_outbox_or_mqtt_keeps_the_uplink_off_and_the_app_on() {
        restarts(Components.OUTBOX, 3);
        DeviceWatch watch = watch();
        assertThat(watch.uplinkRuns()).isFalse();
        assertThat(watch.appRuns()).isTrue();
        assertThat(watch.runs(Components.MQTT)).isFalse();
    }

    @Test
    void safe_mode_for_management_keeps_the_server_but_stops_watching_it() {
        restarts(Components.MANAGEMENT, 3);
        DeviceWatch watch = watch();
        assertThat(watch.runs(Components.MANAGEMENT)).isFalse();
        assertThat(watch.appRuns()).isTrue();
        assertThat(watch.uplinkRuns()).isTrue();
    }

    @Test
    void restarts_ten_minutes_old_no_longer_count() {
        restarts(Components.INPUT, 3);
        clock.advance(Duration.ofMinutes(10));
        assertThat(watch().safeMode()).isEmpty();
    }

    private DeviceWatch watch() {
        return new DeviceWatch(store, dir, clock, health, "0.1.0", Map.of());
    }

    private void restarts(String component, int n) {
        RestartLog log = new RestartLog(store, clock);
        for (int i = 0; i < n; i++) {
            log.record(component, "0.1.0", "hung");
        }
    }
}
