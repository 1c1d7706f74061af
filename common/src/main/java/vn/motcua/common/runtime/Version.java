package vn.motcua.common.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;
import vn.motcua.common.update.ReleaseVersion;

/**
 * The runtime's release version: the {@code VERSION} file of the release directory the runtime's jar was started from
 * ({@code /opt/motcua/releases/<version>/VERSION}, written from a signed bundle's manifest), else the version stamped
 * at build time.
 */
public final class Version {
    private static final String VALUE = load();

    private Version() {
    }

    public static String get() {
        return VALUE;
    }

    private static String load() {
        String stamped = stamped();
        String file = fromReleaseDir();
        return file != null ? file : stamped;
    }

    private static String fromReleaseDir() {
        try {
            String jar = System.getProperty("motcua.jar");
            Path location;
            if (jar != null) {
                location = Path.of(jar);
            } else {
                CodeSource source = Version.class.getProtectionDomain().getCodeSource();
                if (source == null) {
                    return null;
                }
                location = Path.of(source.getLocation().toURI());
            }
            // common-<v>.jar sits in <release>/lib/; a device jar's classes (tests) in a directory
            for (Path dir = location.getParent(); dir != null; dir = dir.getParent()) {
                Path version = dir.resolve("VERSION");
                if (Files.isRegularFile(version)) {
                    String text = Files.readString(version, StandardCharsets.UTF_8).strip();
                    return ReleaseVersion.valid(text) ? text : null;
                }
                if (!dir.getFileName().toString().equals("lib")) {
                    return null;
                }
            }
            return null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String stamped() {
        try (InputStream in = Version.class.getResourceAsStream("/vn/motcua/common/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
