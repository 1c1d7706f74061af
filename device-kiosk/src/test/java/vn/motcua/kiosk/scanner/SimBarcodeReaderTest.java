package vn.motcua.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SimBarcodeReaderTest {
    private final SimBarcodeReader reader = new SimBarcodeReader();
    private final List<String> scanned = new CopyOnWriteArrayList<>();

    @Test
    void delivers_a_scanned_code_through_the_sanitizer() {
        reader.setListener(scanned::add);
        reader.start();

        reader.scan("  000.00.25.H29-251120-0001\u0003 ");
        reader.scan("");
        reader.scan("X".repeat(200));

        assertThat(scanned).containsExactly("000.00.25.H29-251120-0001");
        assertThat(reader.garbageCount()).isEqualTo(1);
    }

    @Test
    void splits_a_text_holding_two_lines() {
        reader.setListener(scanned::add);
        reader.start();

        reader.scan("ABC123\rDEF456");

        assertThat(scanned).containsExactly("ABC123", "DEF456");
    }

    @Test
    void ignores_scans_while_stopped() {
        reader.setListener(scanned::add);

        reader.scan("ABC123");

        assertThat(scanned).isEmpty();
    }

    @Test
    void keeps_reading_when_the_listener_throws() {
        reader.setListener(code -> {
            scanned.add(code);
            throw new IllegalStateException("listener bug");
        });
        reader.start();

        reader.scan("ABC123");
        reader.scan("DEF456");

        assertThat(scanned).containsExactly("ABC123", "DEF456");
    }

    @Test
    void drops_binary_junk_sent_as_raw_bytes_and_reads_the_next_code() {
        reader.setListener(scanned::add);
        reader.start();

        reader.scanBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, 0x1b, (byte) 0x80, (byte) 0x81});
        reader.scanBytes("ABC123".getBytes(StandardCharsets.US_ASCII));

        assertThat(scanned).containsExactly("ABC123");
        assertThat(reader.garbageCount()).isEqualTo(1);
    }
}
