package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

class BundleExtractorTest {
    private static final String KIND = "rating-pad";
    private final Path dir = TestDirs.create("bundle-extract-");
    private final TestBundles.Keys keys = TestBundles.keys(dir);
    private final Path release = dir.resolve("source");
    private final Path releases = dir.resolve("opt/motcua/releases");

    private BundleManifest givenVerifiedBundle(Path zip) throws Exception {
        Path jar = TestBundles.fakeRelease(release, KIND);
        BundleWriter.fromJar(jar, KIND, "0.2.0", keys.privateKey(), zip);
        return BundleVerifier.verify(zip, keys.publicFile(), KIND);
    }

    @Test
    void extracts_every_file_with_release_modes_and_leaves_no_temporary_directory() throws Exception {
        Path zip = dir.resolve("b.zip");
        BundleManifest m = givenVerifiedBundle(zip);

        BundleExtractor.extract(zip, m, releases.resolve("0.2.0"));

        Path out = releases.resolve("0.2.0");
        assertThat(out.resolve("device-rating-pad.jar")).hasSameBinaryContentAs(release.resolve("device-rating-pad.jar"));
        assertThat(out.resolve("lib/beta-2.0.jar")).hasContent("beta library bytes");
        assertThat(out.resolve("VERSION")).hasContent("0.2.0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("lib/alpha-1.0.jar"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("lib")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-xr-x");
        assertThat(releases.resolve("0.2.0.tmp")).doesNotExist();
    }

    @Test
    void removes_a_temporary_directory_a_power_cut_left_before_extracting() throws Exception {
        Path zip = dir.resolve("b.zip");
        BundleManifest m = givenVerifiedBundle(zip);
        Path leftover = releases.resolve("0.2.0.tmp/lib");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("half-written.jar"), "half");

        BundleExtractor.extract(zip, m, releases.resolve("0.2.0"));

        assertThat(releases.resolve("0.2.0/lib/half-written.jar")).doesNotExist();
        assertThat(releases.resolve("0.2.0.tmp")).doesNotExist();
        assertThat(releases.resolve("0.2.0/lib/alpha-1.0.jar")).exists();
    }

    @Test
    void replaces_a_release_directory_an_earlier_unrecorded_extraction_left() throws Exception {
        Path zip = dir.resolve("b.zip");
        BundleManifest m = givenVerifiedBundle(zip);
        Files.createDirectories(releases.resolve("0.2.0"));
        Files.writeString(releases.resolve("0.2.0/stale"), "x");

        BundleExtractor.extract(zip, m, releases.resolve("0.2.0"));

        assertThat(releases.resolve("0.2.0/stale")).doesNotExist();
        assertThat(releases.resolve("0.2.0/VERSION")).exists();
    }

    @Test
    void a_file_changed_after_verification_leaves_no_release_behind() throws Exception {
        Path zip = dir.resolve("b.zip");
        BundleManifest verified = givenVerifiedBundle(zip);
        Path other = dir.resolve("other");
        Path jar = TestBundles.fakeRelease(other, KIND);
        Files.writeString(other.resolve("lib/beta-2.0.jar"), "swapped after the check");
        BundleWriter.fromJar(jar, KIND, "0.2.0", keys.privateKey(), zip);

        assertThatThrownBy(() -> BundleExtractor.extract(zip, verified, releases.resolve("0.2.0")))
                .isInstanceOfSatisfying(BundleException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Refusal.MALFORMED);
                    assertThat(e.getMessage()).contains("lib/beta-2.0.jar");
                });
        assertThat(releases.resolve("0.2.0")).doesNotExist();
        assertThat(releases.resolve("0.2.0.tmp")).doesNotExist();
    }

    @Test
    void a_listed_file_missing_from_the_zip_leaves_no_release_behind() throws Exception {
        Path zip = dir.resolve("b.zip");
        BundleManifest verified = givenVerifiedBundle(zip);
        TestBundles.zip(zip, Map.of("VERSION", "0.2.0\n".getBytes()));

        assertThatThrownBy(() -> BundleExtractor.extract(zip, verified, releases.resolve("0.2.0")))
                .isInstanceOf(BundleException.class).hasMessageContaining("does not hold");
        assertThat(releases.resolve("0.2.0")).doesNotExist();
        assertThat(releases.resolve("0.2.0.tmp")).doesNotExist();
    }
}
