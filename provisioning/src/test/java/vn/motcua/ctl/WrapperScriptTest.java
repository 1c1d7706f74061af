package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;

/** The bash wrapper {@code provisioning/motcua-ctl} runs the shaded jar as a child process, like a technician would. */
@Tag("slow")
class WrapperScriptTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void the_wrapper_runs_the_shaded_jar_against_a_device_over_coaps() throws Exception {
        RealPeers.require("bash", ChildProcess.onPath("bash"));
        assertThat(MODULE.resolve("target/motcua-ctl.jar")).as("built in the package phase").exists();
        Ctl.Result help = ChildProcess.run(MODULE, 60, "bash", "motcua-ctl", "--help");
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).contains("Exit codes:");

        try (SecureDevice device = new SecureDevice("tcp://127.0.0.1:1")) {
            Path config = device.write("c.json", "{\"version\":1,\"officeName\":\"Phường Định Công\"}");
            Ctl.Result put = ChildProcess.run(MODULE, 60, device.args("bash", "motcua-ctl", "config", "put", config.toString()));
            assertThat(put.exit()).as(put.toString()).isZero();
            Ctl.Result get = ChildProcess.run(MODULE, 60, device.args("bash", "motcua-ctl", "config", "get"));
            assertThat(get.exit()).as(get.toString()).isZero();
            assertThat(get.out()).contains("config version 1 (ETag 1)").contains("Phường Định Công");
            Ctl.Result bad = ChildProcess.run(MODULE, 60, device.args("bash", "motcua-ctl", "config", "put",
                    device.write("bad.json", "{\"version\":2,\"locale\":\"fr\"}").toString()));
            assertThat(bad.exit()).as(bad.toString()).isEqualTo(1);
            assertThat(bad.out()).contains("locale: must be one of vi, en");
        }
    }

    @Test
    void the_wrapper_is_shellcheck_clean() throws Exception {
        RealPeers.require("shellcheck", ChildProcess.onPath("shellcheck"));
        Ctl.Result r = ChildProcess.run(MODULE, 60, "shellcheck", "motcua-ctl");
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    @Test
    void without_a_jar_the_wrapper_says_how_to_build_it() throws Exception {
        RealPeers.require("bash", ChildProcess.onPath("bash"));
        Path bin = TestDirs.create("nojar-").resolve("bin");
        Files.createDirectories(bin);
        Files.copy(MODULE.resolve("motcua-ctl"), bin.resolve("motcua-ctl"));
        Ctl.Result r = ChildProcess.run(bin, 30, "bash", "motcua-ctl", "--help");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("mvn -B -pl provisioning -am package");
    }
}
