package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeviceThreadsTest {
    /** The device runtime's modules, seen from common's directory (where Maven runs this test). */
    private static final List<String> DEVICE_MODULES =
            List.of("common", "device-kiosk", "device-rating-pad", "device-ticket-printer");
    private static final Pattern NEW_THREAD = Pattern.compile("new Thread\\s*\\(");
    /** Executors' own factory makes non-daemon threads called pool-N-thread-M: nobody could tell whose they are. */
    private static final Pattern DEFAULT_FACTORY =
            Pattern.compile("Executors\\.new\\w+\\(\\s*(\\d+\\s*)?\\)");

    @Test
    void makes_daemon_threads_named_for_their_owner_and_numbers_the_second_one_on() {
        ThreadFactory threads = DeviceThreads.named("screen-http");

        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.getName()).isEqualTo("screen-http");
        assertThat(second.getName()).isEqualTo("screen-http-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
    }

    @Test
    void no_device_module_makes_a_thread_anywhere_else() {
        List<Path> sources = mainSources().toList();
        List<String> offenders = sources.stream()
                .filter(f -> !f.getFileName().toString().equals("DeviceThreads.java"))
                .filter(f -> makesThreads(read(f)))
                .map(Path::toString)
                .toList();

        assertThat(sources).as("device sources found from %s", Path.of("").toAbsolutePath()).hasSizeGreaterThan(100);
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> mainSources() {
        return DEVICE_MODULES.stream().map(m -> Path.of("..", m, "src", "main", "java")).flatMap(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean makesThreads(String source) {
        return NEW_THREAD.matcher(source).find() || DEFAULT_FACTORY.matcher(source).find();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
