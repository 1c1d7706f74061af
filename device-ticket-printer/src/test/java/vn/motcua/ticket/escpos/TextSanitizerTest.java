package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void strips_c0_and_c1_control_characters() {
        assertThat(TextSanitizer.clean("Cảm ơn\u001B@\u001DV\u0000\u0010\u0004\u0001 quý khách\u0085\u009B\r\n"))
                .isEqualTo("Cảm ơn@V quý khách");
    }

    @Test
    void strips_separators_and_bidi_controls() {
        assertThat(TextSanitizer.clean("Hộ\u2028tịch\u2029 \u202Eabc\u202C\u200F\u2066x\u2069\uFEFF\u200B"))
                .isEqualTo("Hộtịch abcx");
    }

    @Test
    void composes_decomposed_vietnamese_and_turns_tabs_into_spaces() {
        assertThat(TextSanitizer.clean("U\u031Bu\u0309\tTie\u0302n")).isEqualTo("Ưủ Tiên");
    }

    @Test
    void treats_null_as_empty() {
        assertThat(TextSanitizer.clean(null)).isEmpty();
    }
}
