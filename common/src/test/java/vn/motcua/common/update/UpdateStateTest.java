package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code update.json}: the launcher writes it, the runtime reads it; its text is the one the data-binding mapper wrote. */
class UpdateStateTest {
    /** What the data-binding mapper of earlier releases wrote for the state below (launchers of those are in the field). */
    private static final String WRITTEN_BEFORE = """
            {
              "running" : "0.1.0",
              "previous" : "0.1.0",
              "trial" : {
                "version" : "0.2.0",
                "previous" : "0.1.0",
                "starts" : 2,
                "since" : "2026-12-02T00:40:00Z"
              },
              "refused" : [ "0.0.9", "0.3.0" ],
              "last" : {
                "id" : 7,
                "version" : "0.3.0",
                "result" : "rolled-back",
                "reason" : "crash-loop",
                "to" : null
              }
            }""";

    @TempDir
    Path dir;

    private static UpdateState sample() {
        return new UpdateState("0.1.0", "0.1.0",
                new UpdateState.Trial("0.2.0", "0.1.0", 2, Instant.parse("2026-12-02T00:40:00Z")),
                List.of("0.0.9", "0.3.0"), new UpdateState.Last(7, "0.3.0", "rolled-back", "crash-loop", null));
    }

    @Test
    void writes_the_text_earlier_releases_wrote_and_reads_it_back() throws IOException {
        Path file = dir.resolve("update.json");

        sample().write(file);

        assertThat(Files.readString(file)).isEqualTo(WRITTEN_BEFORE);
        assertThat(UpdateState.read(file)).contains(sample());
    }

    @Test
    void reads_a_state_with_no_trial_and_no_result_yet() throws IOException {
        Path file = dir.resolve("update.json");
        UpdateState.initial("0.1.0").write(file);

        assertThat(Files.readString(file)).contains("\"trial\" : null", "\"refused\" : [ ]", "\"last\" : null");
        assertThat(UpdateState.read(file)).contains(UpdateState.initial("0.1.0"));
        assertThat(UpdateState.read(dir.resolve("none.json"))).isEmpty();
    }

    @Test
    void a_file_that_is_not_the_launchers_record_is_an_error_naming_what_is_wrong() throws IOException {
        Path file = dir.resolve("update.json");
        for (String[] bad : new String[][] {
                {"", "is not a JSON object"},
                {"{\"running\":\"0.1.0\",\"extra\":1}", "unknown field 'extra'"},
                {"{\"running\":5}", "running is not a string"},
                {"{\"trial\":{\"starts\":\"two\"}}", "trial: starts is not a whole number"},
                {"{\"trial\":{\"since\":\"yesterday\"}}", "trial.since is not an ISO-8601 instant"},
                {"{\"refused\":\"0.3.0\"}", "refused is not an array"},
                {"{\"refused\":[1]}", "refused holds something other than strings"},
                {"{\"running\":\"0.1.0\"", "Unexpected end-of-input"}}) {
            Files.writeString(file, bad[0], StandardCharsets.UTF_8);
            assertThatThrownBy(() -> UpdateState.read(file)).as(bad[0])
                    .isInstanceOf(IOException.class).hasMessageContaining(bad[1]);
        }
    }
}
