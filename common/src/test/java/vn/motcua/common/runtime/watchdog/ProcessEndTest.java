package vn.motcua.common.runtime.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class ProcessEndTest {
    private final Path dir = TestDirs.create("process-end-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final StateStore store = StateStore.open(dir);
    private final List<Integer> halts = new ArrayList<>();
    private final Path exitCause = dir.resolve("update/exit-cause");
    private final ProcessEnd end = new ProcessEnd(new RestartLog(store, clock), "0.2.0", exitCause, halts::add);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_hung_component_is_recorded_named_in_exit_cause_and_the_process_halts_with_70() throws Exception {
        end.end("outbox", "hung");
        assertThat(rows()).containsExactly("outbox 0.2.0 hung");
        assertThat(Files.readString(exitCause)).isEqualTo("hung outbox");
        assertThat(halts).containsExactly(70);
    }

    @Test
    void a_failed_component_is_recorded_without_an_exit_cause() {
        end.end("mqtt", "failed");
        assertThat(rows()).containsExactly("mqtt 0.2.0 failed");
        assertThat(exitCause).doesNotExist();
        assertThat(halts).containsExactly(70);
    }

    private List<String> rows() {
        return store.read(tx -> tx.query("SELECT component, version, cause FROM restarts",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)));
    }
}
