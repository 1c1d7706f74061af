package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

/** The launcher's step as motcua-run runs it: real signed bundles, verified with the key under the root. */
class PrepareSignedBundleTest {
    private static final String KIND = "ticket-printer";

    private final Path root = TestDirs.create("prepare-signed-");
    private final UpdatePaths paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
    private final Path work = TestDirs.create("bundle-");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_bundle_signed_by_the_district_key_is_installed_on_trial() throws Exception {
        TestBundles.Keys keys = installed();
        stage(keys, "0.2.0");

        assertThat(prepare()).as(err.toString()).isZero();

        UpdateState s = UpdateState.read(paths.stateFile()).orElseThrow();
        assertThat(s.trial().version()).isEqualTo("0.2.0");
        assertThat(paths.current().resolve("VERSION")).hasContent("0.2.0");
        assertThat(paths.current().resolve("lib/alpha-1.0.jar")).exists();
        assertThat(paths.incoming()).doesNotExist();
    }

    @Test
    void a_bundle_signed_by_another_key_is_refused_as_bad_signature() throws Exception {
        installed();
        stage(TestBundles.keys(Files.createDirectories(work.resolve("other"))), "0.2.0");

        assertThat(prepare()).isZero();

        UpdateState s = UpdateState.read(paths.stateFile()).orElseThrow();
        assertThat(s.trial()).isNull();
        assertThat(s.last().result()).isEqualTo("refused");
        assertThat(s.last().reason()).isEqualTo("bad-signature");
        assertThat(paths.current().resolve("VERSION")).hasContent("0.1.0");
        assertThat(err.toString()).contains("refused (bad-signature)");
    }

    @Test
    void bad_arguments_are_exit_2() {
        assertThat(PrepareMain.run(new String[] {"--root"}, new PrintStream(err))).isEqualTo(2);
        assertThat(PrepareMain.run(new String[] {"--root", root.toString()}, new PrintStream(err))).isEqualTo(2);
    }

    private TestBundles.Keys installed() throws Exception {
        Path release = paths.release("0.1.0");
        TestBundles.fakeRelease(release, KIND);
        Files.writeString(release.resolve("VERSION"), "0.1.0");
        Files.createSymbolicLink(paths.current(), Path.of("releases/0.1.0"));
        TestBundles.Keys keys = TestBundles.keys(work);
        Files.createDirectories(paths.key().getParent());
        Files.copy(keys.publicFile(), paths.key());
        Files.createDirectories(paths.updateDir());
        return keys;
    }

    private void stage(TestBundles.Keys keys, String version) throws Exception {
        Path src = work.resolve("src-" + version);
        TestBundles.fakeRelease(src, KIND);
        BundleWriter.fromReleaseDir(src, KIND, version, keys.privateKey(), paths.incoming());
    }

    private int prepare() {
        return PrepareMain.run(new String[] {"--root", root.toString(), "--kind", KIND}, new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
