package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LcdPagerTest {
    private static final String OFFICE = "Bộ phận Một cửa phường Định Công";
    private static final List<String> IDLE = List.of(OFFICE, "Nhấn nút để lấy số", "A: Hộ tịch", "B: Chứng thực",
            "C: Đất đai – Xây dựng", "D: Kinh doanh – Hộ kinh doanh");

    @Test
    void wraps_a_long_line_at_word_boundaries_on_a_20_column_lcd() {
        assertThat(LcdPager.wrap(OFFICE, 20)).containsExactly("Bộ phận Một cửa", "phường Định Công");
        assertThat(LcdPager.wrap("Vui lòng báo nhân viên", 20)).containsExactly("Vui lòng báo nhân", "viên");
    }

    @Test
    void cuts_only_a_single_word_wider_than_the_display() {
        assertThat(LcdPager.wrap("Mã https://dichvucong.hanoi.gov.vn", 16))
                .containsExactly("Mã", "https://dichvuco", "ng.hanoi.gov.vn")
                .allSatisfy(row -> assertThat(LcdPager.width(row)).isLessThanOrEqualTo(16));
    }

    @Test
    void the_idle_screen_pages_through_every_service_on_a_20x4_lcd() {
        List<List<String>> pages = LcdPager.pages(IDLE, 20, 4);

        assertThat(pages).containsExactly(
                List.of("Bộ phận Một cửa", "phường Định Công", "Nhấn nút để lấy số", "A: Hộ tịch"),
                List.of("B: Chứng thực", "C: Đất đai – Xây", "dựng"),
                List.of("D: Kinh doanh – Hộ", "kinh doanh"));
        assertFits(pages, 20, 4);
        assertEveryWordShown(IDLE, pages);
    }

    @Test
    void the_idle_screen_pages_through_every_service_on_a_16x2_lcd() {
        List<List<String>> pages = LcdPager.pages(IDLE, 16, 2);

        assertFits(pages, 16, 2);
        assertEveryWordShown(IDLE, pages);
        assertThat(pages).contains(List.of("A: Hộ tịch", "B: Chứng thực"), List.of("D: Kinh doanh –", "Hộ kinh doanh"));
    }

    @Test
    void a_screen_that_fits_is_one_page_as_it_is() {
        assertThat(LcdPager.pages(List.of("Quầy 5", "Mời quý khách đánh giá"), 20, 4))
                .containsExactly(List.of("Quầy 5", "Mời quý khách đánh", "giá"));
        assertThat(LcdPager.pages(List.of(), 16, 2)).containsExactly(List.of());
    }

    @Test
    void a_page_never_starts_or_ends_with_a_blank_spacer() {
        List<List<String>> pages = LcdPager.pages(List.of("Quầy 5", "Quầy đang đóng", "", "Đã ghi nhận, cảm ơn"), 16, 2);

        assertThat(pages).containsExactly(List.of("Quầy 5", "Quầy đang đóng"), List.of("Đã ghi nhận, cảm", "ơn"));
    }

    @Test
    void a_line_taller_than_the_display_runs_on_over_pages() {
        List<List<String>> pages = LcdPager.pages(List.of("Cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ karaoke"), 16, 2);

        assertFits(pages, 16, 2);
        assertThat(pages).hasSizeGreaterThan(1);
        assertEveryWordShown(List.of("Cấp giấy chứng nhận đủ điều kiện kinh doanh dịch vụ karaoke"), pages);
    }

    static void assertFits(List<List<String>> pages, int columns, int rows) {
        assertThat(pages).allSatisfy(page -> {
            assertThat(page).hasSizeLessThanOrEqualTo(rows);
            assertThat(page).allSatisfy(row -> assertThat(LcdPager.width(row)).isLessThanOrEqualTo(columns));
        });
    }

    /** Every word of the screen appears whole on some row, in order (so nothing was cut mid-word). */
    static void assertEveryWordShown(List<String> screen, List<List<String>> pages) {
        String words = screen.stream().flatMap(l -> Arrays.stream(l.split(" "))).collect(Collectors.joining(" "));
        String shown = pages.stream().flatMap(List::stream).collect(Collectors.joining(" "));
        assertThat(shown).isEqualTo(words);
    }
}
