package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.LcdPager;
import vn.motcua.kiosk.dossier.DossierAnswer;
import vn.motcua.kiosk.hall.ServingCall;

class ScreenLinesTest {
    @Test
    void shows_the_office_and_the_newest_calls_first_on_four_rows() {
        List<ServingCall> calls = List.of(new ServingCall(5, "A012", "", 4), new ServingCall(3, "B007", "", 3),
                new ServingCall(1, "A011", "", 2), new ServingCall(2, "C001", "", 1));

        assertThat(ScreenLines.hall("UBND phường Định Công", calls))
                .containsExactly("UBND phường Định Công", "A012 → Quầy 5", "B007 → Quầy 3", "A011 → Quầy 1");
    }

    @Test
    void shows_the_last_search_and_dossier_status_in_lookup_mode() {
        DossierAnswer answer = new DossierAnswer("000.30.25.H29-261120-0022", DossierAnswer.Result.FOUND, "ready",
                "Đã có kết quả");

        assertThat(ScreenLines.lookup("", "ho tich", 12, answer)).containsExactly("Tra cứu thủ tục hành chính",
                "Tìm: ho tich (12)", "Hồ sơ 000.30.25.H29-261120-0022", "Đã có kết quả");
        assertThat(ScreenLines.lookup("", "", 0, DossierAnswer.of("X", DossierAnswer.Result.UNAVAILABLE)))
                .endsWith("Tạm thời không tra cứu được");
    }

    @Test
    void the_summary_pages_on_a_20x4_display_in_whole_words() {
        DossierAnswer answer = new DossierAnswer("000.30.25.H29-261120-0022", DossierAnswer.Result.FOUND, "ready",
                "Đã có kết quả");
        List<String> lines = ScreenLines.lookup("Bộ phận Một cửa phường Định Công", "ho tich", 12, answer);

        List<List<String>> pages = LcdPager.pages(lines, 20, 4);

        assertThat(pages).containsExactly(
                List.of("Bộ phận Một cửa", "phường Định Công", "Tìm: ho tich (12)"),
                List.of("Hồ sơ", "000.30.25.H29-261120", "-0022", "Đã có kết quả"));
    }
}
