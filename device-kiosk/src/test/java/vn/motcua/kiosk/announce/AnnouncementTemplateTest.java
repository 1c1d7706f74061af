package vn.motcua.kiosk.announce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnouncementTemplateTest {

    @Test
    void fills_ticket_and_counter_into_the_default_template() {
        Announcement a = new AnnouncementTemplate(AnnouncementTemplate.DEFAULT).call("A012", 3);

        assertThat(a.text()).isEqualTo("Mời số A012 đến quầy 3");
        assertThat(a.spoken()).isEqualTo("Mời số A không một hai đến quầy ba");
    }

    @Test
    void leaves_unknown_placeholders_as_they_are() {
        AnnouncementTemplate t = new AnnouncementTemplate("Xin mời {ticket} tới {room} quầy {counter} {");

        assertThat(t.call("B105", 12).text()).isEqualTo("Xin mời B105 tới {room} quầy 12 {");
        assertThat(t.fill(Map.of())).isEqualTo("Xin mời {ticket} tới {room} quầy {counter} {");
    }

    @Test
    void keeps_replacement_text_literal() {
        AnnouncementTemplate t = new AnnouncementTemplate("Số {ticket}");

        assertThat(t.fill(Map.of("ticket", "$1\\"))).isEqualTo("Số $1\\");
    }

    @Test
    void uses_the_default_for_a_blank_template_and_removes_control_characters() {
        assertThat(new AnnouncementTemplate("  ").template()).isEqualTo(AnnouncementTemplate.DEFAULT);
        assertThat(new AnnouncementTemplate(null).template()).isEqualTo(AnnouncementTemplate.DEFAULT);
        assertThat(new AnnouncementTemplate("Mời\u001b số {ticket}").template()).isEqualTo("Mời  số {ticket}");
    }

    @Test
    void spells_tickets_digit_by_digit() {
        assertThat(AnnouncementTemplate.spokenForm("A012")).isEqualTo("A không một hai");
        assertThat(AnnouncementTemplate.spokenForm("c1005")).isEqualTo("C một không không năm");
        assertThat(AnnouncementTemplate.spokenForm("A-7")).isEqualTo("A bảy");
    }

    @Test
    void says_counter_numbers_in_words() {
        assertThat(VietnameseNumbers.words(0)).isEqualTo("không");
        assertThat(VietnameseNumbers.words(5)).isEqualTo("năm");
        assertThat(VietnameseNumbers.words(10)).isEqualTo("mười");
        assertThat(VietnameseNumbers.words(11)).isEqualTo("mười một");
        assertThat(VietnameseNumbers.words(15)).isEqualTo("mười lăm");
        assertThat(VietnameseNumbers.words(20)).isEqualTo("hai mươi");
        assertThat(VietnameseNumbers.words(21)).isEqualTo("hai mươi mốt");
        assertThat(VietnameseNumbers.words(25)).isEqualTo("hai mươi lăm");
        assertThat(VietnameseNumbers.words(105)).isEqualTo("một trăm linh năm");
        assertThat(VietnameseNumbers.words(310)).isEqualTo("ba trăm mười");
        assertThat(VietnameseNumbers.words(1234)).isEqualTo("một hai ba bốn");
    }
}
