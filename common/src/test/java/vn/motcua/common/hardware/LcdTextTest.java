package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LcdTextTest {
    @Test
    void renders_exactly_the_rows_and_columns_of_the_lcd() {
        List<String> glass = LcdText.render(List.of("Quầy 5", "Đang phục vụ: A012 rất lâu rồi", "x", "y", "z"), 16, 2);

        assertThat(glass).containsExactly("Quay 5          ", "Dang phuc vu: A0");
    }

    @Test
    void avoids_the_characters_the_lcd_rom_shows_differently() {
        assertThat(LcdText.fit("a\\b~c", 5)).isEqualTo("a/b-c");
    }

    @Test
    void pads_missing_rows_with_blanks() {
        assertThat(LcdText.render(List.of("A"), 20, 4))
                .containsExactly("A" + " ".repeat(19), " ".repeat(20), " ".repeat(20), " ".repeat(20));
    }

    @Test
    void clips_only_a_line_that_bypassed_the_pager_keeping_vietnamese_for_the_display_to_fold() {
        assertThat(LcdText.clip("Quầy 5", 10)).isEqualTo("Quầy 5");
        assertThat(LcdText.clip("Cảm ơn quý khách!", 8)).isEqualTo("Cảm ơn q");
    }
}
