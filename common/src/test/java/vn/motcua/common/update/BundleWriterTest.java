package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

class BundleWriterTest {
    private final Path dir = TestDirs.create("bundle-writer-");
    private final TestBundles.Keys keys = TestBundles.keys(dir);

    @Test
    void bundles_the_jar_under_its_kind_name_with_the_libraries_its_class_path_names() throws Exception {
        Path release = dir.resolve("target");
        Path built = TestBundles.fakeRelease(release, "kiosk");
        Path renamed = Files.move(built, release.resolve("device-kiosk-0.1.0-SNAPSHOT.jar"));
        Files.writeString(release.resolve("lib/unrelated.jar"), "not named by the Class-Path");

        BundleWriter.Written w = BundleWriter.fromJar(renamed, "kiosk", "0.3.0", keys.privateKey(), dir.resolve("out/b.zip"));

        try (ZipFile zip = new ZipFile(w.bundle().toFile())) {
            assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName)).containsExactlyInAnyOrder(
                    "manifest.json", "manifest.sig", "device-kiosk.jar", "lib/alpha-1.0.jar", "lib/beta-2.0.jar", "VERSION");
        }
        assertThat(w.bytes()).isEqualTo(Files.size(dir.resolve("out/b.zip")));
        assertThat(w.files()).isEqualTo(4);
        assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void a_release_directory_gives_the_same_files() throws Exception {
        Path release = dir.resolve("release");
        TestBundles.fakeRelease(release, "rating-pad");

        BundleWriter.Written w = BundleWriter.fromReleaseDir(release, "rating-pad", "0.2.0", keys.privateKey(), dir.resolve("b.zip"));

        assertThat(w.manifest().files()).containsOnlyKeys("device-rating-pad.jar", "lib/alpha-1.0.jar", "lib/beta-2.0.jar", "VERSION");
    }

    @Test
    void names_a_library_the_class_path_names_that_is_not_there() throws Exception {
        Path release = dir.resolve("release");
        Path jar = TestBundles.fakeRelease(release, "kiosk");
        Files.delete(release.resolve("lib/beta-2.0.jar"));

        assertThatThrownBy(() -> BundleWriter.fromJar(jar, "kiosk", "0.2.0", keys.privateKey(), dir.resolve("b.zip")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("lib/beta-2.0.jar").hasMessageContaining("Class-Path");
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }
}
