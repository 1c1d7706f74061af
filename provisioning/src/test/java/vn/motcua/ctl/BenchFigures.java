package vn.motcua.ctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/** Bench figures of a slow test: printed in its log and appended to target/upd-e2e-figures.txt. */
final class BenchFigures {
    private static final Path FILE = Path.of("target", "upd-e2e-figures.txt");

    private BenchFigures() {
    }

    static void record(String name, String value) {
        String line = "[bench] " + name + ": " + value;
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String size(long bytes) {
        return String.format(Locale.ROOT, "%d bytes (%.1f MiB)", bytes, bytes / 1048576.0);
    }
}
