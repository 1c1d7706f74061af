package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscPosCommandsTest {

    @Test
    void encodes_print_mode_commands_as_the_reference_defines_them() {
        byte[] bytes = new EscPosCommands().init().codePage(52).align(1).bold(true).size(4, 4).size(1, 2).bytes();
        assertThat(bytes).containsExactly(0x1B, '@', 0x1B, 't', 52, 0x1B, 'a', 1, 0x1B, 'E', 1, 0x1D, '!', 0x33, 0x1D, '!', 0x01);
    }

    @Test
    void frames_a_raster_with_its_width_in_bytes_and_height_in_dots() {
        BitImage image = new BitImage(72, 300, new byte[72 * 300]);
        byte[] bytes = new EscPosCommands().raster(image).bytes();
        assertThat(bytes).startsWith(0x1D, 'v', '0', 0, 72, 0, 300 & 0xFF, 1);
        assertThat(bytes).hasSize(8 + 72 * 300);
    }

    @Test
    void stores_and_prints_a_model_2_qr_code() {
        byte[] data = "https://x.vn/A012".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new EscPosCommands().qr(data, 6, 'M').bytes();
        int len = data.length + 3;
        assertThat(bytes).startsWith(
                0x1D, '(', 'k', 4, 0, 49, 65, 50, 0,
                0x1D, '(', 'k', 3, 0, 49, 67, 6,
                0x1D, '(', 'k', 3, 0, 49, 69, 49,
                0x1D, '(', 'k', len, 0, 49, 80, 48);
        assertThat(bytes).endsWith(0x1D, '(', 'k', 3, 0, 49, 81, 48);
    }

    @Test
    void cuts_the_way_the_model_supports() {
        assertThat(new EscPosCommands().cut(CutMode.FEED_PARTIAL).bytes()).containsExactly(0x1D, 'V', 66, 3);
        assertThat(new EscPosCommands().cut(CutMode.FULL).bytes()).endsWith(0x1D, 'V', 0);
        assertThat(new EscPosCommands().cut(CutMode.PARTIAL).bytes()).endsWith(0x1D, 'V', 1);
    }

    @Test
    void refuses_control_bytes_inside_a_text_line() {
        assertThatThrownBy(() -> new EscPosCommands().line(new byte[] {'a', 0x1B, '@'}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x1b");
    }
}
