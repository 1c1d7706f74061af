package vn.motcua.kiosk.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextFoldTest {

    @Test
    void folds_vietnamese_to_plain_lower_case_words() {
        assertThat(TextFold.fold("Đăng ký KHAI SINH, kết hôn")).isEqualTo("dang ky khai sinh ket hon");
        assertThat(TextFold.fold("Hộ tịch")).isEqualTo("ho tich");
        assertThat(TextFold.fold("  đất   đai/ĐỊA chính ")).isEqualTo("dat dai dia chinh");
        assertThat(TextFold.fold("")).isEmpty();
        assertThat(TextFold.fold(null)).isEmpty();
    }

    @Test
    void folds_precomposed_and_decomposed_text_alike() {
        String decomposed = Normalizer.normalize("Thường trú", Normalizer.Form.NFD);

        assertThat(TextFold.fold(decomposed)).isEqualTo(TextFold.fold("Thường trú")).isEqualTo("thuong tru");
    }

    @Test
    void measures_typos_with_transpositions_as_one_edit() {
        assertThat(new EditDistance().within("tihc", "tich", 2)).isEqualTo(1);
        assertThat(new EditDistance().within("tich", "tinh", 2)).isEqualTo(1);
        assertThat(new EditDistance().within("khai", "khai", 2)).isZero();
        assertThat(new EditDistance().within("dugn", "dung", 1)).isEqualTo(1);
        assertThat(new EditDistance().within("abcdefgh", "hgfedcba", 2)).isEqualTo(3);
        assertThat(new EditDistance().within("ab", "abcdef", 1)).isEqualTo(2);
    }
}
