package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cp1258Test {
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

    static List<String> everyVietnameseLetter() {
        List<String> letters = new ArrayList<>();
        for (char v : VOWELS.toCharArray()) {
            for (String tone : TONES) {
                String lower = Normalizer.normalize(v + tone, Normalizer.Form.NFC);
                letters.add(lower);
                letters.add(lower.toUpperCase(java.util.Locale.ROOT));
            }
        }
        letters.add("đ");
        letters.add("Đ");
        return letters;
    }

    @Test
    void every_vietnamese_letter_round_trips_in_both_cases() {
        List<String> letters = everyVietnameseLetter();
        assertThat(letters).hasSize(12 * 6 * 2 + 2).doesNotHaveDuplicates();
        for (String letter : letters) {
            assertThat(letter).hasSize(1);
            byte[] bytes = Cp1258.encode(letter).orElseThrow(() -> new AssertionError("cannot encode " + letter));
            assertThat(Cp1258.decode(bytes)).as("round trip of %s", letter).isEqualTo(letter);
        }
    }

    @Test
    void splits_a_letter_into_a_code_page_vowel_and_a_tone_mark() {
        assertThat(Cp1258.encode("ấ").orElseThrow()).containsExactly(0xE2, 0xEC);
        assertThat(Cp1258.encode("Ủ").orElseThrow()).containsExactly('U', 0xD2);
        assertThat(Cp1258.encode("ợ").orElseThrow()).containsExactly(0xF5, 0xF2);
        assertThat(Cp1258.encode("ữ").orElseThrow()).containsExactly(0xFD, 0xDE);
        assertThat(Cp1258.encode("Đ").orElseThrow()).containsExactly(0xD0);
        assertThat(Cp1258.encode("à").orElseThrow()).containsExactly(0xE0);
    }

    @Test
    void agrees_with_the_jdk_windows_1258_decoder_where_the_jdk_has_it() {
        if (!Charset.isSupported("windows-1258")) {
            return;
        }
        Charset jdk = Charset.forName("windows-1258");
        String sentence = "Ủy ban nhân dân phường Định Công — Hộ tịch, ƯU TIÊN, giấy tờ, đăng ký kết hôn";
        byte[] ours = Cp1258.encode(sentence).orElseThrow();
        assertThat(Normalizer.normalize(new String(ours, jdk), Normalizer.Form.NFC)).isEqualTo(sentence);
        for (int b = 0x80; b <= 0xFF; b++) {
            String jdkChar = new String(new byte[] {(byte) b}, jdk);
            if (!jdkChar.equals("\uFFFD")) {
                assertThat(Cp1258.decode(new byte[] {(byte) b})).as("byte %02x", b)
                        .isEqualTo(Normalizer.normalize(jdkChar, Normalizer.Form.NFC));
            }
        }
    }

    @Test
    void refuses_text_outside_the_code_page() {
        assertThat(Cp1258.encode("Phòng 中")).isEmpty();
        assertThat(Cp1258.canEncode("Привет")).isFalse();
        assertThat(Cp1258.canEncode("Số A012 – 23/11/2026")).isTrue();
    }

    @Test
    void keeps_ascii_as_is() {
        assertThat(Cp1258.encode("A012 08:15").orElseThrow()).isEqualTo("A012 08:15".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
