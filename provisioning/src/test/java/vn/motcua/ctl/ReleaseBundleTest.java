package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;

/** The release bundle built by {@code mvn package}: its layout, and motcua-setup and motcua-ctl run from it. */
@Tag("slow")
class ReleaseBundleTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void the_extracted_bundle_installs_into_a_staging_root_and_runs_motcua_ctl() throws Exception {
        RealPeers.require("bash and tar", ChildProcess.onPath("bash") && ChildProcess.onPath("tar"));
        Path bundle;
        try (Stream<Path> files = Files.list(MODULE.resolve("target"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("motcua-.*\\.tar\\.gz")).toList();
            assertThat(found).as("built in the package phase").hasSize(1);
            bundle = found.get(0);
        }
        String top = bundle.getFileName().toString().replace(".tar.gz", "");
        Path dir = TestDirs.create("bundle-");
        Ctl.Result untar = ChildProcess.run(dir, 60, "tar", "xzf", bundle.toString());
        assertThat(untar.exit()).as(untar.toString()).isZero();
        Path home = dir.resolve(top);
        assertThat(home.resolve("bin/motcua-setup")).isExecutable();
        assertThat(home.resolve("bin/motcua-ctl")).isExecutable();
        assertThat(home.resolve("lib/motcua-ctl.jar")).isRegularFile();
        assertThat(home.resolve("lib/device-ticket-printer.jar")).isRegularFile();
        assertThat(home.resolve("share/motcua-setup/motcua.service.in")).isRegularFile();
        assertThat(home.resolve("share/motcua-setup/motcua-kiosk-screen")).isExecutable();
        assertThat(home.resolve("README.md")).isRegularFile();

        Path root = dir.resolve("staging");
        Ctl.Result setup = ChildProcess.run(home, 120, "bin/motcua-setup", "--kind", "ticket-printer", "--device-id",
                "tp-dinh-cong-01", "--office", "hoang-mai/dinh-cong", "--broker", "tcp://10.0.0.5:1883", "--root", root.toString());
        assertThat(setup.exit()).as(setup.toString()).isZero();
        assertThat(setup.err()).doesNotContain("templates are missing");
        assertThat(root.resolve("opt/motcua/lib/device-ticket-printer.jar")).hasSameBinaryContentAs(
                home.resolve("lib/device-ticket-printer.jar"));
        assertThat(root.resolve("etc/systemd/system/motcua.service")).isRegularFile();
        assertThat(root.resolve("etc/motcua/device.json")).isRegularFile();

        Ctl.Result version = ChildProcess.run(home, 60, "bin/motcua-ctl", "--version");
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("motcua-ctl ");
        Ctl.Result check = ChildProcess.run(home, 60, "bin/motcua-ctl", "office", "check", "/nonexistent.json");
        assertThat(check.exit()).isEqualTo(4);
    }
}
