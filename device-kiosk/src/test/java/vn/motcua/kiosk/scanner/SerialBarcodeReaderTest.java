package vn.motcua.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.runtime.DeviceThreads;

@Tag("slow")
class SerialBarcodeReaderTest {
    private final Path dir = Path.of(System.getProperty("motcua.test.tmp", "target/tmp")).toAbsolutePath()
            .resolve("serial-" + System.nanoTime());
    private final Path scannerEnd = dir.resolve("ttyScanner");
    private final Path hostEnd = dir.resolve("ttyHost");
    private final BlockingQueue<String> scanned = new LinkedBlockingQueue<>();
    private final List<ComponentStatus> health = new CopyOnWriteArrayList<>();
    private Process socat;
    private SerialBarcodeReader reader;

    @BeforeEach
    void givenAPseudoTerminalPair() throws Exception {
        Files.createDirectories(dir);
        startSocat();
        reader = new SerialBarcodeReader(scannerEnd.toString(), 9600, Duration.ofMillis(200), health::add, null,
                DeviceThreads.named("barcode-reader"));
        reader.setListener(scanned::add);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (reader != null) {
            reader.stop();
        }
        stopSocat();
    }

    @Test
    void reads_codes_and_skips_garbage_from_the_serial_port() throws Exception {
        reader.start();
        await(() -> health.contains(ComponentStatus.OK));

        writeToReader("000.00.25.H29-251120-0001\r\n".getBytes(StandardCharsets.US_ASCII));
        writeToReader(new byte[] {(byte) 0xff, 0x00, (byte) 0x90, 0x01, (byte) 0xfe, '\r'});
        writeToReader(("Z".repeat(300) + "\r").getBytes(StandardCharsets.US_ASCII));
        writeToReader("\u0002ABC123\u0003\r".getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned.poll(5, TimeUnit.SECONDS)).isEqualTo("000.00.25.H29-251120-0001");
        assertThat(scanned.poll(5, TimeUnit.SECONDS)).isEqualTo("ABC123");
        await(() -> reader.garbageCount() == 2);
        assertThat(scanned).isEmpty();
    }

    @Test
    void takes_an_unterminated_code_as_complete_after_a_pause() throws Exception {
        reader.start();
        await(() -> health.contains(ComponentStatus.OK));

        writeToReader("DEF456".getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned.poll(5, TimeUnit.SECONDS)).isEqualTo("DEF456");
    }

    @Test
    void reports_a_disconnect_and_reconnects_when_the_port_comes_back() throws Exception {
        reader.start();
        await(() -> health.contains(ComponentStatus.OK));

        stopSocat();
        await(() -> !health.isEmpty() && !health.get(health.size() - 1).ok());
        startSocat();
        await(() -> health.get(health.size() - 1).ok());
        writeToReader("GHI789\r".getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned.poll(5, TimeUnit.SECONDS)).isEqualTo("GHI789");
        assertThat(health).extracting(ComponentStatus::ok).containsSubsequence(true, false, true);
    }

    @Test
    void reports_a_missing_port_and_opens_it_once_it_appears() throws Exception {
        stopSocat();
        reader.start();
        await(() -> health.contains(ComponentStatus.fault("not-connected")));

        startSocat();
        await(() -> health.contains(ComponentStatus.OK));
        writeToReader("JKL012\r".getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned.poll(5, TimeUnit.SECONDS)).isEqualTo("JKL012");
    }

    @Test
    void probe_says_whether_the_port_can_be_opened() throws Exception {
        assertThat(SerialBarcodeReader.probe(scannerEnd.toString(), 9600)).isEqualTo(ComponentStatus.OK);

        stopSocat();

        assertThat(SerialBarcodeReader.probe(scannerEnd.toString(), 9600).ok()).isFalse();
    }

    private void startSocat() throws Exception {
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + scannerEnd, "pty,raw,echo=0,link=" + hostEnd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        await(() -> Files.exists(scannerEnd) && Files.exists(hostEnd));
    }

    private void stopSocat() throws Exception {
        if (socat != null && socat.isAlive()) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
        await(() -> !Files.exists(scannerEnd) && !Files.exists(hostEnd));
    }

    private void writeToReader(byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(hostEnd)) {
            out.write(bytes);
            out.flush();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
