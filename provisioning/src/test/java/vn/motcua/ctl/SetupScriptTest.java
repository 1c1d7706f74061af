package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;

/** Runs the shell tests of motcua-setup ({@code provisioning/tests/run.sh}) as part of the build. */
@Tag("slow")
class SetupScriptTest {
    @Test
    void every_motcua_setup_case_passes() throws Exception {
        RealPeers.require("bash", ChildProcess.onPath("bash"));
        Ctl.Result r = ChildProcess.run(Path.of("").toAbsolutePath(), 600, "bash", "tests/run.sh");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains(" 0 failed");
    }
}
