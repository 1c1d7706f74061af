package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What watch prints for an office's topics. */
class OfficeViewTest {
    private static final String R = "motcua/v1/hoang-mai/dinh-cong/";
    private final OfficeView view = new OfficeView("hoang-mai/dinh-cong");

    private List<String> accept(String topic, String payload, boolean json) {
        return view.accept(R + topic, payload.getBytes(StandardCharsets.UTF_8), json);
    }

    @Test
    void a_birth_puts_the_device_in_the_table() {
        accept("tp-01/state", "{\"status\":\"online\",\"kind\":\"ticket-printer\",\"version\":\"0.1.0\",\"session\":4}", false);
        assertThat(view.table()).anySatisfy(row -> assertThat(row).contains("tp-01").contains("online").contains("4")
                .contains("ticket-printer").contains("0.1.0")).last().isEqualTo("1 online, 0 offline");
    }

    @Test
    void a_stale_will_does_not_hide_a_newer_birth() {
        accept("tp-01/state", "{\"status\":\"online\",\"kind\":\"ticket-printer\",\"version\":\"0.1.0\",\"session\":5}", false);
        assertThat(accept("tp-01/state", "{\"status\":\"offline\",\"reason\":\"lost\",\"session\":4}", false)).isEmpty();
        assertThat(view.table()).last().isEqualTo("1 online, 0 offline");
    }

    @Test
    void a_will_keeps_kind_and_version_and_says_why() {
        accept("tp-01/state", "{\"status\":\"online\",\"kind\":\"ticket-printer\",\"version\":\"0.1.0\",\"session\":5}", false);
        assertThat(accept("tp-01/state", "{\"status\":\"offline\",\"reason\":\"lost\",\"session\":5}", false))
                .containsExactly("tp-01 is offline (lost), session 5");
        assertThat(view.table().get(1)).contains("offline").contains("ticket-printer");
    }

    @Test
    void an_event_is_one_line_and_telemetry_is_not_printed() {
        assertThat(accept("tp-01/event/ticket/issued", "{\"eventId\":\"tp-01:12\",\"seq\":12,\"type\":\"ticket.issued\","
                + "\"ts\":\"2026-11-23T08:00:00+07:00\",\"data\":{\"ticket\":\"A012\"}}", false))
                .containsExactly("2026-11-23T08:00:00+07:00  tp-01  ticket.issued #12  {\"ticket\":\"A012\"}");
        assertThat(accept("tp-01/telemetry", "{\"uptimeSeconds\":3}", false)).isEmpty();
    }

    @Test
    void json_lines_carry_type_device_and_payload() {
        assertThat(accept("serving/5", "{\"counter\":5,\"ticket\":\"A012\"}", true))
                .containsExactly("{\"type\":\"serving\",\"payload\":{\"counter\":5,\"ticket\":\"A012\"}}");
        assertThat(accept("serving/5", "{\"counter\":5,\"ticket\":null}", false)).containsExactly("counter 5: closed");
    }

    @Test
    void another_office_is_ignored() {
        assertThat(view.accept("motcua/v1/hoang-mai/tan-mai/tp-09/state", "{}".getBytes(StandardCharsets.UTF_8), false)).isEmpty();
    }
}
