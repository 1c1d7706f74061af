package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.sim.SimDisplay;

class PagedDisplayTest {
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private static final List<String> IDLE = List.of("Bộ phận Một cửa phường Định Công", "Nhấn nút để lấy số",
            "A: Hộ tịch", "B: Chứng thực", "C: Đất đai – Xây dựng", "D: Kinh doanh – Hộ kinh doanh");

    @Test
    void turns_a_page_every_two_seconds_and_comes_round_again_on_a_20x4() {
        SimDisplay lcd = new SimDisplay(20, 4, false);
        PagedDisplay paged = new PagedDisplay(lcd, clock, scheduler);

        paged.show(IDLE);
        assertThat(lcd.lines()).containsExactly("Bộ phận Một cửa", "phường Định Công", "Nhấn nút để lấy số", "A: Hộ tịch");
        after(1_999);
        assertThat(lcd.lines()).contains("A: Hộ tịch");
        after(1);
        assertThat(lcd.lines()).containsExactly("B: Chứng thực", "C: Đất đai – Xây", "dựng");
        after(2_000);
        assertThat(lcd.lines()).containsExactly("D: Kinh doanh – Hộ", "kinh doanh");
        after(2_000);
        assertThat(lcd.lines()).startsWith("Bộ phận Một cửa");
    }

    @Test
    void every_page_of_a_16x2_shows_at_most_its_columns_and_the_services_all_come_by() {
        SimDisplay lcd = new SimDisplay(16, 2, false);
        PagedDisplay paged = new PagedDisplay(lcd, clock, scheduler);
        StringBuilder seen = new StringBuilder();

        paged.show(IDLE);
        for (int i = 0; i < 8; i++) {
            assertThat(lcd.lines()).hasSizeLessThanOrEqualTo(2)
                    .allSatisfy(row -> assertThat(row.codePointCount(0, row.length())).isLessThanOrEqualTo(16));
            seen.append(String.join(" ", lcd.lines())).append(' ');
            after(2_000);
        }
        assertThat(seen.toString()).contains("A: Hộ tịch", "B: Chứng thực", "C: Đất đai", "D: Kinh doanh –", "Hộ kinh doanh");
    }

    @Test
    void the_same_screen_again_keeps_its_page_and_a_new_one_starts_at_its_first() {
        SimDisplay lcd = new SimDisplay(20, 4, false);
        PagedDisplay paged = new PagedDisplay(lcd, clock, scheduler);

        paged.show(IDLE);
        after(2_000);
        paged.show(IDLE);
        assertThat(lcd.lines()).startsWith("B: Chứng thực");

        paged.show(List.of("Số của bạn: A012", "Hộ tịch"));
        assertThat(lcd.lines()).containsExactly("Số của bạn: A012", "Hộ tịch");
        assertThat(scheduler.live()).isEmpty();
    }

    private void after(long millis) {
        clock.advanceMillis(millis);
        scheduler.runDue();
    }
}
