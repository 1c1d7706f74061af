package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class TrialMonitorTest {
    private final Path root = TestDirs.create("trial-");
    private final UpdatePaths paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00Z"));
    private final StateStore store = StateStore.open(paths.stateDir());
    private final EventLog events = new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock);
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final AtomicInteger trialSeconds = new AtomicInteger(120);
    private final List<Integer> exits = new ArrayList<>();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_release_on_trial_commits_after_the_trial_seconds_of_continuous_health() throws Exception {
        onTrial("0.2.0", clock.instant());
        TrialMonitor m = monitor("0.2.0");
        assertThat(m.start()).isTrue();

        tickFor(Duration.ofSeconds(60));
        healthy.set(false);
        tickFor(Duration.ofSeconds(5));
        healthy.set(true);
        tickFor(Duration.ofSeconds(119));
        assertThat(paths.commit()).doesNotExist();
        tickFor(Duration.ofSeconds(2));

        assertThat(paths.commit()).hasContent("0.2.0");
        assertThat(types()).containsExactly("update.committed");
        assertThat(Json.parse(events.readAfter(0, 10).get(0).envelope()).get("data").toString())
                .isEqualTo("{\"version\":\"0.2.0\",\"previous\":\"0.1.0\"}");
        assertThat(m.watching()).isFalse();
        assertThat(exits).isEmpty();
    }

    @Test
    void the_trial_seconds_come_from_the_config_at_every_look() throws Exception {
        onTrial("0.2.0", clock.instant());
        TrialMonitor m = monitor("0.2.0");
        m.start();
        trialSeconds.set(10);

        tickFor(Duration.ofSeconds(11));

        assertThat(paths.commit()).hasContent("0.2.0");
    }

    @Test
    void a_trial_not_committed_within_ten_minutes_ends_the_process_not_healthy() throws Exception {
        onTrial("0.2.0", clock.instant().minusSeconds(500));
        TrialMonitor m = monitor("0.2.0");
        m.start();
        healthy.set(false);

        tickFor(Duration.ofSeconds(99));
        assertThat(exits).isEmpty();
        tickFor(Duration.ofSeconds(2));

        assertThat(exits).containsExactly(70);
        assertThat(paths.exitCause()).hasContent("not-healthy");
        assertThat(paths.commit()).doesNotExist();
        assertThat(types()).isEmpty();
    }

    @Test
    void another_release_than_the_trial_one_watches_nothing() throws Exception {
        onTrial("0.2.0", clock.instant());
        TrialMonitor m = monitor("0.1.0");

        assertThat(m.start()).isFalse();
        tickFor(Duration.ofMinutes(11));
        assertThat(exits).isEmpty();
        assertThat(paths.commit()).doesNotExist();
    }

    @Test
    void a_trial_already_committed_is_not_watched_again_and_its_event_is_not_recorded_twice() throws Exception {
        onTrial("0.2.0", clock.instant());
        TrialMonitor first = monitor("0.2.0");
        first.start();
        tickFor(Duration.ofSeconds(121));
        assertThat(monitor("0.2.0").start()).isFalse();

        Files.delete(paths.commit());
        TrialMonitor again = monitor("0.2.0");
        assertThat(again.start()).isTrue();
        tickOn(again, Duration.ofSeconds(121));

        assertThat(paths.commit()).hasContent("0.2.0");
        assertThat(types()).containsExactly("update.committed");
    }

    @Test
    void the_launchers_last_result_is_recorded_once_per_id() throws Exception {
        UpdateState s = UpdateState.initial("0.1.0");
        UpdateState rolled = s.with("0.1.0", null, null, List.of("0.2.0"), s.nextLast("0.2.0", "rolled-back", "crash-loop", "0.1.0"));
        rolled.write(paths.stateFile());

        monitor("0.1.0").start();
        monitor("0.1.0").start();
        UpdateState refused = rolled.with("0.1.0", null, null, rolled.refused(),
                rolled.nextLast("0.3.0", "refused", "wrong-kind", null));
        refused.write(paths.stateFile());
        monitor("0.1.0").start();
        monitor("0.1.0").start();

        List<RecordedEvent> recorded = events.readAfter(0, 10);
        assertThat(recorded).extracting(RecordedEvent::type).containsExactly("update.rolled-back", "update.refused");
        assertThat(Json.parse(recorded.get(0).envelope()).get("data").toString())
                .isEqualTo("{\"version\":\"0.2.0\",\"to\":\"0.1.0\",\"reason\":\"crash-loop\"}");
        assertThat(Json.parse(recorded.get(1).envelope()).get("data").toString())
                .isEqualTo("{\"version\":\"0.3.0\",\"reason\":\"wrong-kind\"}");
    }

    @Test
    void a_committed_result_records_nothing_more() throws Exception {
        UpdateState s = UpdateState.initial("0.2.0");
        s.with("0.2.0", null, null, List.of(), s.nextLast("0.2.0", "committed", null, null)).write(paths.stateFile());

        assertThat(monitor("0.2.0").start()).isFalse();
        assertThat(types()).isEmpty();
    }

    @Test
    void a_clean_stop_is_left_for_the_launcher_which_alone_removes_it() throws Exception {
        TrialMonitor.stoppedCleanly(paths, "0.2.0");

        assertThat(paths.cleanStop()).hasContent("0.2.0");
    }

    @Test
    void without_update_json_nothing_is_watched() {
        assertThat(monitor("0.1.0").start()).isFalse();
    }

    private void onTrial(String version, Instant since) throws Exception {
        UpdateState.initial("0.1.0").with("0.1.0", "0.1.0", new UpdateState.Trial(version, "0.1.0", 0, since),
                List.of(), null).write(paths.stateFile());
    }

    /** The monitor {@link #tickFor} ticks: the last one made. */
    private TrialMonitor lastMade;

    private TrialMonitor monitor(String version) {
        lastMade = new TrialMonitor(paths, version, clock, store, events, trialSeconds::get, healthy::get, exits::add);
        return lastMade;
    }

    private void tickFor(Duration d) {
        tickOn(lastMade, d);
    }

    private void tickOn(TrialMonitor m, Duration d) {
        for (long s = 0; s < d.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            m.tick();
        }
    }

    private List<String> types() {
        return events.readAfter(0, 100).stream().map(RecordedEvent::type).toList();
    }
}
