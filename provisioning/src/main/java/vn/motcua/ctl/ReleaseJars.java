package vn.motcua.ctl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.update.BundleManifest;
import vn.motcua.common.update.BundleWriter;

/**
 * Where a kind's built jar is when {@code --jar} is not given: the release tree motcua-ctl.jar runs from (a
 * directory with {@code VERSION}, {@code device-<kind>.jar} and {@code lib/}), the repository's
 * {@code provisioning/target/release/} (its jars repacked small, as motcua-setup installs them) or
 * {@code device-<kind>/target/}. A jar counts only with every library its Class-Path names; of those found, the most
 * recently built one is taken, so a stale copy never wins over a fresh build.
 */
final class ReleaseJars {
    private ReleaseJars() {
    }

    static Path defaultJar(String kind) throws CtlException {
        return newest(kind, candidates(kind));
    }

    /** The newest {@code device-<kind>.jar} with all its libraries in {@code dirs}, or exit 4 naming where it looked. */
    static Path newest(String kind, List<Path> dirs) throws CtlException {
        List<String> looked = new ArrayList<>();
        String problem = null;
        Path best = null;
        FileTime bestTime = null;
        for (Path dir : dirs) {
            Path jar = dir.resolve(BundleManifest.jarName(kind));
            looked.add(dir.toString());
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try {
                BundleWriter.releaseFiles(jar, kind);
                FileTime time = Files.getLastModifiedTime(jar);
                if (best == null || time.compareTo(bestTime) > 0) {
                    best = jar;
                    bestTime = time;
                }
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        if (best != null) {
            return best;
        }
        throw new CtlException(ExitCodes.LOCAL_FILE, "no " + BundleManifest.jarName(kind) + " with its lib/ found (looked in: "
                + String.join(", ", looked) + (problem == null ? "" : "; " + problem) + "); build it with 'mvn -B -pl device-"
                + kind + " -am package' or pass --jar FILE");
    }

    private static List<Path> candidates(String kind) {
        Path base = codeDir();
        List<Path> dirs = new ArrayList<>();
        if (Files.isRegularFile(base.resolve("VERSION"))) {
            dirs.add(base);
        }
        dirs.add(base.resolve("release"));
        dirs.add(base.resolve("../../device-" + kind + "/target").normalize());
        return dirs;
    }

    /** The directory motcua-ctl.jar is in (or target/ when run from target/classes). */
    private static Path codeDir() {
        try {
            Path location = Path.of(MotcuaCtl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toAbsolutePath().getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
