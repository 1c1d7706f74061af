package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class AsciiFoldTest {
    private static final String LOWER =
            "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    private static final String LOWER_FOLDED =
            "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd";

    @Test
    void folds_office_names_and_greetings() {
        assertThat(AsciiFold.fold("Định Công")).isEqualTo("Dinh Cong");
        assertThat(AsciiFold.fold("Quầy 5")).isEqualTo("Quay 5");
        assertThat(AsciiFold.fold("Cảm ơn quý khách!")).isEqualTo("Cam on quy khach!");
        assertThat(AsciiFold.fold("Mời số A007 đến quầy 3")).isEqualTo("Moi so A007 den quay 3");
    }

    @Test
    void folds_every_vietnamese_letter_with_every_tone() {
        assertThat(AsciiFold.fold(LOWER)).isEqualTo(LOWER_FOLDED);
        assertThat(AsciiFold.fold(LOWER.toUpperCase())).isEqualTo(LOWER_FOLDED.toUpperCase());
    }

    @Test
    void folds_decomposed_text_the_same_as_precomposed() {
        String decomposed = Normalizer.normalize("Hộ tịch – Đăng ký", Normalizer.Form.NFD);

        assertThat(AsciiFold.fold(decomposed)).isEqualTo("Ho tich - Dang ky");
    }

    @Test
    void keeps_ascii_and_replaces_what_an_lcd_cannot_show() {
        assertThat(AsciiFold.fold("A-012 (50%) “ok”…")).isEqualTo("A-012 (50%) \"ok\"...");
        assertThat(AsciiFold.fold("漢 ☺ \uD83D\uDE00")).isEqualTo("? ? ?");
        assertThat(AsciiFold.fold("a\u0007b")).isEqualTo("ab");
    }
}
