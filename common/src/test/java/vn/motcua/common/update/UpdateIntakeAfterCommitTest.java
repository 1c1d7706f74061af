package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code update.committed} the trial stays in update.json until the launcher's next Prepare finalizes it: a newer
 * bundle pushed in that window is taken (the next start finalizes the commit, then installs it), while a trial not yet
 * committed still makes /update busy.
 */
class UpdateIntakeAfterCommitTest {
    @TempDir
    Path root;

    @Test
    void a_trial_whose_commit_file_names_it_no_longer_makes_the_upload_busy() throws Exception {
        UpdatePaths paths = trialOf("0.2.0");
        Files.createDirectories(paths.updateDir());
        Files.writeString(paths.commit(), "0.2.0", StandardCharsets.UTF_8);
        List<String> recorded = new ArrayList<>();
        UpdateIntake intake = new UpdateIntake(paths, "0.2.0", zip -> "0.3.0", (type, data) -> recorded.add(type), () -> { });

        UpdateIntake.Outcome outcome = intake.block(0, new byte[] {1, 2, 3}, false, 3);

        assertThat(outcome.step()).as(outcome.message()).isEqualTo(UpdateIntake.Step.STAGED);
        assertThat(paths.incoming()).isRegularFile();
        assertThat(recorded).containsExactly("update.staged");
    }

    @Test
    void a_trial_not_committed_yet_still_refuses_a_new_bundle_as_busy() throws Exception {
        UpdatePaths paths = trialOf("0.2.0");
        UpdateIntake intake = new UpdateIntake(paths, "0.2.0", zip -> "0.3.0", (type, data) -> { }, () -> { });

        UpdateIntake.Outcome outcome = intake.block(0, new byte[] {1, 2, 3}, false, 3);

        assertThat(outcome.step()).isEqualTo(UpdateIntake.Step.REFUSED);
        assertThat(outcome.refusal()).isEqualTo(Refusal.BUSY);
        assertThat(paths.incoming()).doesNotExist();
    }

    private UpdatePaths trialOf(String version) throws Exception {
        UpdatePaths paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
        UpdateState.initial("0.1.0").withTrial(new UpdateState.Trial(version, "0.1.0", 0, Instant.parse("2026-12-02T00:00:00Z")))
                .write(paths.stateFile());
        return paths;
    }
}
