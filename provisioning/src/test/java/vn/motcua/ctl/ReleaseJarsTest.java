package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

class ReleaseJarsTest {
    private final Path dir = TestDirs.create("release-jars-");

    @Test
    void takes_the_most_recently_built_jar_that_has_all_its_libraries() throws Exception {
        Path stale = TestBundles.fakeRelease(dir.resolve("release"), "kiosk");
        Path fresh = TestBundles.fakeRelease(dir.resolve("device-kiosk/target"), "kiosk");
        Path freshest = TestBundles.fakeRelease(dir.resolve("incomplete"), "kiosk");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));
        Files.delete(dir.resolve("incomplete/lib/beta-2.0.jar"));

        Path chosen = ReleaseJars.newest("kiosk", List.of(dir.resolve("release"), dir.resolve("incomplete"),
                dir.resolve("device-kiosk/target")));

        assertThat(chosen).isEqualTo(fresh);
        assertThat(freshest).exists();
    }

    @Test
    void says_where_it_looked_and_how_to_build_when_there_is_no_jar() {
        assertThatThrownBy(() -> ReleaseJars.newest("rating-pad", List.of(dir.resolve("release"))))
                .isInstanceOfSatisfying(CtlException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.LOCAL_FILE);
                    assertThat(e.getMessage()).contains("no device-rating-pad.jar").contains(dir.resolve("release").toString())
                            .contains("mvn -B -pl device-rating-pad -am package").contains("--jar FILE");
                });
    }
}
