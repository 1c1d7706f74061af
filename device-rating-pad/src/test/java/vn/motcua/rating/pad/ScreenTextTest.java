package vn.motcua.rating.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.LcdPager;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.rating.session.PadView;
import vn.motcua.rating.session.PadView.Mode;

class ScreenTextTest {
    private final ScreenText lcd16x2 = new ScreenText(16, 2);
    private final ScreenText sim20x4 = new ScreenText(20, 4);

    @Test
    void shows_the_counter_and_the_served_ticket_in_words_that_fit() {
        PadView view = new PadView(Mode.SERVING, 5, "A012", true, List.of());

        assertThat(sim20x4.lines(view)).startsWith("Quầy 5", "Đang phục vụ: A012");
        assertThat(lcd16x2.lines(view)).containsExactly("Quầy 5", "Phục vụ: A012");
    }

    @Test
    void a_closed_counter_says_so() {
        assertThat(lcd16x2.lines(new PadView(Mode.CLOSED, 5, null, true, List.of())))
                .containsExactly("Quầy 5", "Quầy đang đóng");
    }

    @Test
    void the_thank_you_screen_never_names_the_level() {
        List<String> lines = lcd16x2.lines(new PadView(Mode.THANKS, 5, "A012", false, List.of()));

        assertThat(lines.get(0)).isEqualTo("Cảm ơn quý khách");
        assertThat(String.join(" ", lines)).doesNotContain("hài lòng");
    }

    @Test
    void reasons_show_one_per_row_with_their_button_number_and_page_whole_on_a_small_display() {
        PadView asking = new PadView(Mode.ASKING, 5, "A012", false, RatingConfigModel.DEFAULT_REASONS);

        assertThat(sim20x4.lines(asking)).containsExactly(
                "1 Thời gian chờ lâu", "2 Thái độ phục vụ", "3 Thủ tục phức tạp", "4 Lý do khác");
        assertThat(LcdPager.pages(lcd16x2.lines(asking), 16, 2)).containsExactly(
                List.of("1 Thời gian chờ", "lâu"), List.of("2 Thái độ phục", "vụ"), List.of("3 Thủ tục phức", "tạp"),
                List.of("4 Lý do khác"));
    }

    @Test
    void a_short_reason_list_gets_a_question_above_it() {
        PadView asking = new PadView(Mode.ASKING, 5, "A012", false, RatingConfigModel.DEFAULT_REASONS.subList(0, 2));

        assertThat(sim20x4.lines(asking)).containsExactly("Lý do chưa hài lòng?", "1 Thời gian chờ lâu",
                "2 Thái độ phục vụ");
    }
}
