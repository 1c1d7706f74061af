package vn.motcua.kiosk.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.kiosk.testing.Coap;
import vn.motcua.kiosk.testing.KioskDevice;

@Tag("slow")
class HallDisplayTest {
    private static String serving(int counter, String ticket) {
        return serving(counter, ticket, OffsetDateTime.now().toString());
    }

    private static String serving(int counter, String ticket, String ts) {
        return "{\"counter\":" + counter + ",\"ticket\":" + (ticket == null ? "null" : "\"" + ticket + "\"")
                + ",\"ts\":\"" + ts + "\"}";
    }

    private static List<String> texts(JsonNode array) {
        return Json.mapper().convertValue(array, List.class);
    }

    @Test
    void announces_three_quick_calls_in_order_and_shows_the_newest_first() throws Exception {
        try (MoquetteBroker broker = new MoquetteBroker().start();
             KioskDevice kiosk = KioskDevice.start("ks-hall-01", broker.uri());
             MqttRecorder district = new MqttRecorder(broker.uri(), "none/#", false);
             Coap coap = new Coap(kiosk.coapPort())) {
            kiosk.putConfig(Json.object().put("version", 1).put("mode", "hall-display").put("officeName", "UBND phường Định Công")
                    .put("notice", "Giờ làm việc: 7h30 - 17h00"));
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.runtime().uplink().connected());

            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/3", serving(3, "A007"), true);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/5", serving(5, "B012"), true);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/3", serving(3, "A008"), true);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(texts(coap.getJson("sim/announcements").path("announcements"))).containsExactly(
                            "Mời số A007 đến quầy 3", "Mời số B012 đến quầy 5", "Mời số A008 đến quầy 3"));
            assertThat(texts(coap.getJson("sim/display").path("lines")))
                    .as("the office name is wider than the 20 columns: it wraps at a word")
                    .containsExactly("UBND phường Định", "Công", "A008 → Quầy 3", "B012 → Quầy 5");
            JsonNode calls = kiosk.getJson("/api/state").path("calls");
            assertThat(calls.get(0).path("ticket").asText()).isEqualTo("A008");
        }
    }

    @Test
    void announces_a_recall_and_drops_a_closed_counter_but_not_the_retained_replay() throws Exception {
        try (MoquetteBroker broker = new MoquetteBroker().start();
             MqttRecorder district = new MqttRecorder(broker.uri(), "none/#", false)) {
            String earlier = "2026-11-23T08:15:00.000+07:00";
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/2", serving(2, "C001", earlier), true);
            try (KioskDevice kiosk = KioskDevice.start("ks-hall-02", broker.uri());
                 Coap coap = new Coap(kiosk.coapPort())) {
                kiosk.putConfig(Json.object().put("version", 1).put("mode", "hall-display"));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                        assertThat(kiosk.getJson("/api/state").path("calls")).hasSize(1));
                Thread.sleep(2_100);
                assertThat(texts(coap.getJson("sim/announcements").path("announcements"))).isEmpty();

                // a recall: the same ticket at a new time (the same message again is the district republishing)
                district.publish(KioskDevice.OFFICE_TOPIC + "/serving/2", serving(2, "C001", "2026-11-23T08:16:00.000+07:00"), true);
                district.publish(KioskDevice.OFFICE_TOPIC + "/serving/4", serving(4, "D004"), true);
                district.publish(KioskDevice.OFFICE_TOPIC + "/serving/4", serving(4, null), true);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(texts(coap.getJson("sim/announcements").path("announcements")))
                                .containsExactly("Mời số C001 đến quầy 2", "Mời số D004 đến quầy 4"));
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(texts(coap.getJson("sim/display").path("lines"))).containsExactly(
                                "Màn hình gọi số", "C001 → Quầy 2"));
            }
        }
    }

    @Test
    void rejects_garbage_serving_messages_and_keeps_showing_calls() throws Exception {
        try (MoquetteBroker broker = new MoquetteBroker().start();
             KioskDevice kiosk = KioskDevice.start("ks-hall-03", broker.uri());
             MqttRecorder district = new MqttRecorder(broker.uri(), "none/#", false);
             Coap coap = new Coap(kiosk.coapPort())) {
            kiosk.putConfig(Json.object().put("version", 1).put("mode", "hall-display"));
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.runtime().uplink().connected());

            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/x", serving(1, "A001"), false);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/1", "not json", false);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/1", "{\"ticket\":\"\\u001b[2J\"}", false);
            district.publish(KioskDevice.OFFICE_TOPIC + "/serving/1", serving(1, "A002"), false);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(texts(coap.getJson("sim/announcements").path("announcements")))
                            .containsExactly("Mời số A002 đến quầy 1"));
        }
    }
}
