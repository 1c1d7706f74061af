package vn.motcua.rating.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.BusinessDay;

class ServingMessageTest {
    private final BusinessDay days = new BusinessDay(ZoneId.of("Asia/Ho_Chi_Minh"), LocalTime.MIDNIGHT);
    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void a_served_ticket_takes_its_business_day_from_the_timestamp() {
        var s = ServingMessage.parse("{\"counter\":5,\"ticket\":\"A012\",\"ts\":\"2026-11-22T23:30:00.000+07:00\"}",
                5, days, now).orElseThrow();

        assertThat(s.ticket()).isEqualTo("A012");
        assertThat(s.day()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void a_null_ticket_means_the_counter_is_closed() {
        var s = ServingMessage.parse("{\"counter\":5,\"ticket\":null,\"ts\":\"x\"}", 5, days, now).orElseThrow();

        assertThat(s.open()).isFalse();
    }

    @Test
    void without_a_readable_timestamp_the_arrival_time_gives_the_day() {
        var s = ServingMessage.parse("{\"ticket\":\"B007\"}", 5, days, now).orElseThrow();

        assertThat(s.day()).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void ignores_other_counters_broken_payloads_and_unusable_tickets() {
        assertThat(ServingMessage.parse("{\"counter\":6,\"ticket\":\"A012\"}", 5, days, now)).isEmpty();
        assertThat(ServingMessage.parse("not json", 5, days, now)).isEmpty();
        assertThat(ServingMessage.parse("", 5, days, now)).isEmpty();
        assertThat(ServingMessage.parse("{\"counter\":5}", 5, days, now)).isEmpty();
        assertThat(ServingMessage.parse("{\"counter\":5,\"ticket\":\"A\\u001b012\"}", 5, days, now)).isEmpty();
    }
}
