package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

class Hd44780LcdTest {
    private final RecordingI2cBus bus = new RecordingI2cBus();
    private final List<Long> pauses = new ArrayList<>();
    private final HealthModel health = new HealthModel();
    private final Hd44780Lcd lcd = new Hd44780Lcd(bus, 20, 4, health, pauses::add);

    /** The three expander writes of one nibble: E low, E high, E low; backlight (0x08) always on. */
    private static void nibble(ByteArrayOutputStream out, int nibble, boolean rs) {
        int data = (nibble << 4) | 0x08 | (rs ? 0x01 : 0);
        out.write(data);
        out.write(data | 0x04);
        out.write(data);
    }

    private static void command(ByteArrayOutputStream out, int value) {
        nibble(out, value >> 4, false);
        nibble(out, value & 0x0F, false);
    }

    private static void data(ByteArrayOutputStream out, String text) {
        for (char c : text.toCharArray()) {
            nibble(out, c >> 4, true);
            nibble(out, c & 0x0F, true);
        }
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void initialises_in_4_bit_mode_with_the_exact_datasheet_sequence() {
        lcd.show(List.of());

        byte[] sent = bus.take();
        assertThat(java.util.Arrays.copyOfRange(sent, 0, 61)).containsExactly(bytes(
                0x08,                       // expander reset: all low, backlight on
                0x38, 0x3C, 0x38,           // 0x3: function set 8-bit (1)
                0x38, 0x3C, 0x38,           // 0x3 (2)
                0x38, 0x3C, 0x38,           // 0x3 (3)
                0x28, 0x2C, 0x28,           // 0x2: 4-bit mode from here on
                0x28, 0x2C, 0x28, 0x88, 0x8C, 0x88,   // 0x28 function set: 4-bit, 2 lines, 5x8
                0x08, 0x0C, 0x08, 0x88, 0x8C, 0x88,   // 0x08 display off
                0x08, 0x0C, 0x08, 0x18, 0x1C, 0x18,   // 0x01 clear
                0x08, 0x0C, 0x08, 0x68, 0x6C, 0x68,   // 0x06 entry mode: left to right
                0x08, 0x0C, 0x08, 0xC8, 0xCC, 0xC8,   // 0x0C display on, no cursor
                0x88, 0x8C, 0x88, 0x08, 0x0C, 0x08,   // 0x80 DDRAM row 1
                0x29, 0x2D, 0x29, 0x09, 0x0D, 0x09,   // ' ' (RS set)
                0x29, 0x2D, 0x29, 0x09, 0x0D, 0x09));  // ' '
        assertThat(pauses).containsExactly(50L, 5L, 1L, 1L, 2L);
    }

    @Test
    void writes_folded_text_at_each_row_address() {
        lcd.show(List.of());
        bus.take();

        lcd.show(List.of("Quầy 5", "", "Đ", ""));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        command(expected, 0x80);
        data(expected, "Quay 5" + " ".repeat(14));
        command(expected, 0x80 | 0x14);
        data(expected, "D" + " ".repeat(19));
        assertThat(bus.take()).containsExactly(expected.toByteArray());
        assertThat(lcd.lines()).containsExactly(
                "Quay 5" + " ".repeat(14), " ".repeat(20), "D" + " ".repeat(19), " ".repeat(20));
    }

    @Test
    void spells_a_character_as_two_nibbles_with_rs() {
        lcd.show(List.of());
        bus.take();

        lcd.show(List.of("", "H"));

        byte[] sent = bus.take();
        assertThat(java.util.Arrays.copyOfRange(sent, 0, 12)).containsExactly(bytes(
                0xC8, 0xCC, 0xC8, 0x08, 0x0C, 0x08,   // 0xC0: DDRAM 0x40, row 2
                0x49, 0x4D, 0x49, 0x89, 0x8D, 0x89)); // 'H' = 0x48 with RS
    }

    @Test
    void uses_the_row_offsets_of_the_display_width() {
        assertThat(List.of(lcd.rowAddress(0), lcd.rowAddress(1), lcd.rowAddress(2), lcd.rowAddress(3)))
                .containsExactly(0x00, 0x40, 0x14, 0x54);
        Hd44780Lcd small = new Hd44780Lcd(bus, 16, 4, health, pauses::add);
        assertThat(List.of(small.rowAddress(2), small.rowAddress(3))).containsExactly(0x10, 0x50);
    }

    @Test
    void rewrites_only_the_rows_that_changed() {
        lcd.show(List.of("Quay 5", "A012", "", ""));
        bus.take();

        lcd.show(List.of("Quay 5", "A013", "", ""));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        command(expected, 0xC0);
        data(expected, "A013" + " ".repeat(16));
        assertThat(bus.take()).containsExactly(expected.toByteArray());

        lcd.show(List.of("Quay 5", "A013"));
        assertThat(bus.take()).isEmpty();
    }

    @Test
    void an_i2c_failure_is_a_health_fault_until_a_reinitialised_write_works() {
        health.register("lcd", false, ComponentStatus.OK);
        List<String> changes = new ArrayList<>();
        health.addListener((component, status) -> changes.add(component + "=" + status.wire()));
        lcd.show(List.of("Quay 5"));

        bus.failing(true);
        lcd.show(List.of("Quay 6"));
        lcd.show(List.of("Quay 7"));
        lcd.refresh();
        assertThat(health.status("lcd")).isEqualTo(ComponentStatus.fault("i2c-error"));

        bus.failing(false);
        bus.take();
        lcd.refresh();

        byte[] sent = bus.take();
        assertThat(sent[0]).as("re-initialised from the expander reset").isEqualTo((byte) 0x08);
        assertThat(new String(decodeData(sent), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("Quay 7" + " ".repeat(14) + " ".repeat(60));
        assertThat(changes).containsExactly("lcd=fault:i2c-error", "lcd=ok");
        assertThat(health.status("lcd")).isEqualTo(ComponentStatus.OK);

        int before = bus.writes();
        lcd.refresh();
        assertThat(bus.writes()).isEqualTo(before);
    }

    /** The characters sent with RS set, rebuilt from their nibbles (the byte with E high carries them). */
    private static byte[] decodeData(byte[] sent) {
        ByteArrayOutputStream chars = new ByteArrayOutputStream();
        List<Integer> nibbles = new ArrayList<>();
        for (byte b : sent) {
            int v = b & 0xFF;
            if ((v & 0x04) != 0 && (v & 0x01) != 0) {
                nibbles.add(v >> 4);
            }
        }
        for (int i = 0; i + 1 < nibbles.size(); i += 2) {
            chars.write((nibbles.get(i) << 4) | nibbles.get(i + 1));
        }
        return chars.toByteArray();
    }
}
