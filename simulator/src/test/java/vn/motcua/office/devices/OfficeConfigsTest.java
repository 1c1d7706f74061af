package vn.motcua.office.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.ticket.config.TicketConfigModel;

/** The configs the office puts are accepted by the devices' own validation. */
class OfficeConfigsTest {
    @Test
    void the_ticket_printer_accepts_its_config_with_four_vietnamese_services() {
        var parsed = new TicketConfigModel().parse(OfficeConfigs.ticketPrinter());
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.config().services()).extracting(s -> s.code() + " " + s.name())
                .containsExactly("A Hộ tịch", "B Chứng thực", "C Đất đai – Xây dựng", "D Kinh doanh – Hộ kinh doanh");
        assertThat(parsed.config().ticket().header()).containsExactly("Ủy ban nhân dân phường Định Công", "Bộ phận Một cửa");
        assertThat(parsed.config().ticket().footer()).containsExactly("Cảm ơn quý khách đã chờ");
    }

    @Test
    void the_kiosk_accepts_its_config_in_both_modes() {
        assertThat(new KioskConfigModel().parse(OfficeConfigs.kiosk("lookup")).errors()).isEmpty();
        assertThat(new KioskConfigModel().parse(OfficeConfigs.kiosk("hall-display")).errors()).isEmpty();
    }

    @Test
    void the_rating_pad_accepts_its_config() {
        assertThat(new RatingConfigModel().parse(OfficeConfigs.ratingPad()).errors()).isEmpty();
    }
}
