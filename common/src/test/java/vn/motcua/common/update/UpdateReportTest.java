package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;

/** What GET /update reports from update.json: none yet, a result recorded. */
class UpdateReportTest {
    private final Path dir = TestDirs.create("report-");
    private final Path file = dir.resolve("update.json");
    private final Path commit = dir.resolve("commit");

    @Test
    void without_update_json_only_the_running_version_is_known() throws Exception {
        ObjectNode r = UpdateReport.of(file, commit, "0.1.0");
        assertThat(r.toString()).isEqualTo("{\"running\":\"0.1.0\",\"previous\":null,\"trial\":false,\"last\":null}");
    }

    @Test
    void the_last_result_is_shown_with_its_reason() throws Exception {
        UpdateState s = UpdateState.initial("0.1.0");
        s.with("0.1.0", null, null, List.of("0.2.0"), s.nextLast("0.2.0", "rolled-back", "hung", "0.1.0")).write(file);
        ObjectNode r = UpdateReport.of(file, commit, "0.1.0");
        assertThat(r.path("trial").asBoolean()).isFalse();
        assertThat(r.path("last").toString()).isEqualTo("{\"version\":\"0.2.0\",\"result\":\"rolled-back\",\"reason\":\"hung\"}");
    }

    @Test
    void a_trial_whose_release_committed_is_reported_over_before_the_launcher_finalizes_it() throws Exception {
        UpdateState s = UpdateState.initial("0.1.0");
        s.with("0.1.0", "0.1.0", new UpdateState.Trial("0.2.0", "0.1.0", 0, java.time.Instant.parse("2026-12-02T00:00:00Z")),
                List.of(), null).write(file);
        assertThat(UpdateReport.of(file, commit, "0.2.0").path("trial").asBoolean()).isTrue();

        java.nio.file.Files.writeString(commit, "0.2.0");
        ObjectNode r = UpdateReport.of(file, commit, "0.2.0");
        assertThat(r.path("trial").asBoolean()).isFalse();
        assertThat(r.path("previous").asText()).isEqualTo("0.1.0");
        assertThat(r.path("last").toString()).isEqualTo("{\"version\":\"0.2.0\",\"result\":\"committed\"}");
    }
}
