package vn.motcua.ctl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.update.BundleManifest;
import vn.motcua.common.update.BundleWriter;

/**
 * Where a kind's built jar is when {@code --jar} is not given, as motcua-setup looks: beside motcua-ctl.jar in a
 * release tree ({@code release/device-<kind>.jar} with {@code release/lib/}), else the repository's
 * {@code device-<kind>/target/} next to {@code provisioning/target/}. A jar counts only with every library its
 * Class-Path names.
 */
final class ReleaseJars {
    private ReleaseJars() {
    }

    static Path defaultJar(String kind) throws CtlException {
        List<String> looked = new ArrayList<>();
        String problem = null;
        for (Path dir : candidates(kind)) {
            Path jar = dir.resolve(BundleManifest.jarName(kind));
            looked.add(dir.toString());
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try {
                BundleWriter.releaseFiles(jar, kind);
                return jar;
            } catch (IOException e) {
                problem = e.getMessage();
            }
        }
        throw new CtlException(ExitCodes.LOCAL_FILE, "no " + BundleManifest.jarName(kind) + " with its lib/ found (looked in: "
                + String.join(", ", looked) + (problem == null ? "" : "; " + problem) + "); build it with 'mvn -B -pl device-"
                + kind + " -am package' or pass --jar FILE");
    }

    private static List<Path> candidates(String kind) {
        Path base = codeDir();
        return List.of(base, base.resolve("../../device-" + kind + "/target").normalize());
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
