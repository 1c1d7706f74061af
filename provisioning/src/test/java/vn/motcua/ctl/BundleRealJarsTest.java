package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.update.BundleExtractor;
import vn.motcua.common.update.BundleManifest;
import vn.motcua.common.update.BundleVerifier;
import vn.motcua.common.testing.TestDirs;

/**
 * bundle of the real built jars (after mvn package, hence slow: the integration-test phase): by default the newest of
 * the repository's target/release and device-&lt;kind&gt;/target, and the release tree's repacked jar given with --jar.
 */
@Tag("slow")
class BundleRealJarsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private final Path dir = TestDirs.create("ctl-real-bundle-");

    private Path givenKeys() {
        Ctl.Result r = Ctl.run("update-key", "generate", "--out", dir.resolve("keys").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        return dir.resolve("keys/update-key.pem");
    }

    @Test
    void bundles_the_built_ticket_printer_jar_with_every_library_it_names() throws Exception {
        Path priv = givenKeys();
        Path out = dir.resolve("tp-0.2.0.zip");

        Ctl.Result r = Ctl.run("bundle", "--kind", "ticket-printer", "--version", "0.2.0", "--key", priv.toString(),
                "--out", out.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        String from = r.out().substring(r.out().indexOf(", from ") + ", from ".length()).strip();
        assertThat(from).endsWith("device-ticket-printer.jar").satisfiesAnyOf(
                f -> assertThat(f).contains("device-ticket-printer/target/"), f -> assertThat(f).contains("target/release/"));
        BundleManifest m = BundleVerifier.verify(out, dir.resolve("keys/update-key.pub"), "ticket-printer");
        assertThat(m.files().keySet()).containsExactlyInAnyOrderElementsOf(expectedFiles(Path.of(from), "ticket-printer"));
        assertThat(m.files().keySet()).anyMatch(f -> f.startsWith("lib/jSerialComm-"));
    }

    @Test
    void a_bundle_of_the_release_trees_kiosk_jar_extracts_into_a_release_that_runs_as_its_version() throws Exception {
        Path priv = givenKeys();
        Path jar = MODULE.resolve("target/release/device-kiosk.jar");
        Path out = dir.resolve("k.zip");

        Ctl.Result r = Ctl.run("bundle", "--kind", "kiosk", "--version", "0.3.0", "--key", priv.toString(),
                "--jar", jar.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        BundleManifest m = BundleVerifier.verify(out, dir.resolve("keys/update-key.pub"), "kiosk");
        assertThat(m.files()).containsKeys("device-kiosk.jar", "VERSION");
        assertThat(m.files().keySet()).anyMatch(f -> f.startsWith("lib/common-"));

        Path release = dir.resolve("opt/motcua/releases/0.3.0");
        BundleExtractor.extract(out, m, release);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Ctl.Result version = ChildProcess.run(dir, 120, java, "-jar", release.resolve("device-kiosk.jar").toString(), "--version");
        assertThat(version.exit()).as(version.toString()).isZero();
        assertThat(version.out().strip()).isEqualTo("0.3.0");
    }

    private static List<String> expectedFiles(Path jar, String kind) throws Exception {
        List<String> files = new ArrayList<>(List.of("device-" + kind + ".jar", "VERSION"));
        try (JarFile jf = new JarFile(jar.toFile())) {
            files.addAll(List.of(jf.getManifest().getMainAttributes().getValue("Class-Path").trim().split("\\s+")));
        }
        return files;
    }
}
