package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import vn.motcua.common.testing.TestDirs;

/** A district's update key pair and the bundles it signs, made with motcua-ctl as a district would. */
final class UpdateKeys {
    final Path dir;

    private UpdateKeys(Path dir) {
        this.dir = dir;
    }

    /** {@code motcua-ctl update-key generate --out DIR}. */
    static UpdateKeys generate() {
        Path dir = TestDirs.create("update-key-").resolve("keys");
        Ctl.Result r = Ctl.run("update-key", "generate", "--out", dir.toString());
        assertThat(r.exit()).as("update-key generate: %s", r).isZero();
        UpdateKeys keys = new UpdateKeys(dir);
        assertThat(keys.privateKey()).isRegularFile();
        assertThat(keys.publicKey()).isRegularFile();
        return keys;
    }

    Path privateKey() {
        return dir.resolve("update-key.pem");
    }

    Path publicKey() {
        return dir.resolve("update-key.pub");
    }

    /** {@code motcua-ctl bundle --kind K --version V --key PRIV --jar JAR --out B}; returns B. */
    Path bundle(String kind, String version, Path jar) {
        Path out = TestDirs.create("bundle-" + kind + "-" + version + "-").resolve("motcua-" + kind + "-" + version + ".zip");
        Ctl.Result r = Ctl.run("bundle", "--kind", kind, "--version", version, "--key", privateKey().toString(),
                "--jar", jar.toString(), "--out", out.toString());
        assertThat(r.exit()).as("bundle %s %s: %s", kind, version, r).isZero();
        assertThat(out).isRegularFile();
        return out;
    }

    /**
     * A jar named {@code device-<kind>.jar} whose Main-Class exits 1 at once: a release that crashes at every start.
     * Returns the jar (alone in its directory: its manifest names no libraries).
     */
    static Path crashingJar(String kind) throws IOException {
        Path dir = TestDirs.create("crashing-jar-");
        Path source = dir.resolve("src/CrashAtStart.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "public class CrashAtStart { public static void main(String[] args) {"
                + " System.err.println(\"this release crashes at start\"); System.exit(1); } }\n", StandardCharsets.UTF_8);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK runs the tests").isNotNull();
        int rc = javac.run(null, null, null, List.of("--release", "17", "-d", classes.toString(), source.toString())
                .toArray(String[]::new));
        assertThat(rc).as("javac CrashAtStart.java").isZero();

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "CrashAtStart");
        Path jar = dir.resolve("release/device-" + kind + ".jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("CrashAtStart.class"));
            out.write(Files.readAllBytes(classes.resolve("CrashAtStart.class")));
            out.closeEntry();
        }
        return jar;
    }
}
