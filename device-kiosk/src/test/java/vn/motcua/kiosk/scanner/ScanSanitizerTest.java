package vn.motcua.kiosk.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScanSanitizerTest {
    private final ScanSanitizer sanitizer = new ScanSanitizer();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void passes_a_valid_code_ended_by_cr_lf_or_both() {
        assertThat(sanitizer.feed(bytes("000.00.25.H29-251120-0001\r"))).containsExactly(
                ScanResult.code("000.00.25.H29-251120-0001"));
        assertThat(sanitizer.feed(bytes("ABC123\n"))).containsExactly(ScanResult.code("ABC123"));
        assertThat(sanitizer.feed(bytes("DEF456\r\n"))).containsExactly(ScanResult.code("DEF456"));
    }

    @Test
    void joins_a_code_that_arrives_in_pieces() {
        assertThat(sanitizer.feed(bytes("000.00.2"))).isEmpty();
        assertThat(sanitizer.pending()).isTrue();
        assertThat(sanitizer.feed(bytes("5.H29-251120-0001\r\nNEXT01\r"))).containsExactly(
                ScanResult.code("000.00.25.H29-251120-0001"), ScanResult.code("NEXT01"));
        assertThat(sanitizer.pending()).isFalse();
    }

    @Test
    void drops_control_characters_and_trims() {
        assertThat(sanitizer.feed(bytes("\u0002  ABC\u0007123\u001b \u0003\r"))).containsExactly(ScanResult.code("ABC123"));
    }

    @Test
    void ignores_blank_lines() {
        assertThat(sanitizer.feed(bytes("\r\n\r\n   \n"))).isEmpty();
    }

    @Test
    void reports_binary_garbage_and_reads_on() {
        byte[] noise = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x81, 0x01, (byte) 0xc3, 0x1f, (byte) 0x9b, '\n'};
        List<ScanResult> results = new ArrayList<>(sanitizer.feed(noise));
        results.addAll(sanitizer.feed(bytes("ABC123\r")));

        assertThat(results).containsExactly(ScanResult.invalid(ScanResult.GARBAGE), ScanResult.code("ABC123"));
    }

    @Test
    void survives_random_binary_input_and_then_reads_a_code() {
        byte[] noise = new byte[10_000];
        new Random(1).nextBytes(noise);
        List<ScanResult> results = sanitizer.feed(noise);

        assertThat(results).allSatisfy(r -> {
            if (r.valid()) {
                assertThat(r.code()).doesNotContainPattern("\\p{Cc}").isNotBlank();
                assertThat(r.code().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ScanSanitizer.MAX_LINE_BYTES);
            }
        });
        assertThat(sanitizer.feed(bytes("\rABC123\r"))).last().isEqualTo(ScanResult.code("ABC123"));
    }

    @Test
    void discards_an_overlong_line_up_to_its_terminator() {
        String overlong = "A".repeat(ScanSanitizer.MAX_LINE_BYTES + 1);

        assertThat(sanitizer.feed(bytes(overlong))).isEmpty();
        assertThat(sanitizer.feed(bytes("MORE-OF-THE-SAME-LINE"))).isEmpty();
        assertThat(sanitizer.feed(bytes("\nABC123\n"))).containsExactly(
                ScanResult.invalid(ScanResult.OVERLONG), ScanResult.code("ABC123"));
    }

    @Test
    void accepts_a_line_of_exactly_the_maximum_length() {
        String longest = "B".repeat(ScanSanitizer.MAX_LINE_BYTES);

        assertThat(sanitizer.feed(bytes(longest + "\r"))).containsExactly(ScanResult.code(longest));
    }

    @Test
    void keeps_utf8_text_intact() {
        assertThat(sanitizer.feed("Mã hồ sơ: ĐK-01\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(ScanResult.code("Mã hồ sơ: ĐK-01"));
    }

    @Test
    void flushes_an_unterminated_line() {
        sanitizer.feed(bytes("ABC123"));

        assertThat(sanitizer.flush()).contains(ScanResult.code("ABC123"));
        assertThat(sanitizer.flush()).isEmpty();
    }
}
