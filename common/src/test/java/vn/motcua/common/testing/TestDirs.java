package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch directories under the module's target/tmp (a writable, exec-capable place). */
public final class TestDirs {
    private TestDirs() {
    }

    public static Path create(String prefix) {
        try {
            Path base = Path.of(System.getProperty("motcua.test.tmp", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
