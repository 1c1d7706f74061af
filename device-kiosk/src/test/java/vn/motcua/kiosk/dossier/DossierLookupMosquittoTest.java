package vn.motcua.kiosk.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.kiosk.testing.Coap;
import vn.motcua.kiosk.testing.KioskDevice;
import vn.motcua.kiosk.testing.ScriptedDistrict;
import vn.motcua.kiosk.testing.ScriptedDistrict.Answer;
import vn.motcua.kiosk.testing.SseClient;

@Tag("slow")
class DossierLookupMosquittoTest {
    private static final String READY = "000.30.25.H29-261120-0022";
    private static final String UNKNOWN = "000.30.25.H29-261120-9999";
    private static final String SILENT = "000.30.25.H29-261120-7777";

    private static MosquittoProcess broker;
    private static KioskDevice kiosk;
    private static ScriptedDistrict district;
    private static Coap coap;

    @BeforeAll
    static void start() throws Exception {
        broker = new MosquittoProcess().start();
        kiosk = KioskDevice.start("ks-dossier-01", broker.uri());
        district = new ScriptedDistrict(broker.uri(), KioskDevice.OFFICE_TOPIC)
                .answer(READY, new Answer(true, "ready", "Đã có kết quả, mời ông/bà đến nhận tại quầy số 4"))
                .answer(UNKNOWN, new Answer(false, "", ""));
        coap = new Coap(kiosk.coapPort());
        await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.runtime().uplink().connected());
    }

    @AfterAll
    static void stop() throws Exception {
        coap.close();
        district.close();
        kiosk.close();
        broker.close();
    }

    private static void scan(String text) throws Exception {
        scan(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void scan(byte[] payload) throws Exception {
        assertThat(coap.post("sim/scan", payload).isSuccess()).isTrue();
    }

    @Test
    void shows_the_districts_answer_for_a_scanned_code() throws Exception {
        try (SseClient sse = new SseClient(kiosk.baseUrl()).awaitConnected();
             MqttRecorder events = new MqttRecorder(broker.uri(), kiosk.topicRoot() + "/event/kiosk/lookup", false)) {
            scan(READY);

            sse.await("dossier", d -> d.path("result").asText().equals("pending"), Duration.ofSeconds(5));
            var answer = sse.await("dossier", d -> d.path("result").asText().equals("found"), Duration.ofSeconds(5));
            assertThat(answer.data().path("status").asText()).isEqualTo("ready");
            assertThat(answer.data().path("statusText").asText()).contains("quầy số 4");
            var event = events.await(m -> true, 1, Duration.ofSeconds(10)).get(0);
            assertThat(event.json().path("data").toString()).isEqualTo("{\"what\":\"dossier\",\"found\":true}");
            assertThat(event.payload()).doesNotContain(READY);
            // the code is wider than the 20-column display: it is shown split over rows of a page that comes round
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    String.join("", texts(coap.getJson("sim/display").path("lines")))).contains(READY));
        }
    }

    @Test
    void shows_not_found_when_the_district_knows_no_such_dossier() throws Exception {
        try (SseClient sse = new SseClient(kiosk.baseUrl()).awaitConnected()) {
            scan(UNKNOWN);

            var answer = sse.await("dossier", d -> d.path("result").asText().equals("not-found"), Duration.ofSeconds(5));
            assertThat(answer.data().path("code").asText()).isEqualTo(UNKNOWN);
        }
    }

    @Test
    void says_the_lookup_is_unavailable_when_the_district_does_not_answer_in_5_seconds() throws Exception {
        try (SseClient sse = new SseClient(kiosk.baseUrl()).awaitConnected()) {
            long start = System.nanoTime();
            scan(SILENT);

            sse.await("dossier", d -> d.path("result").asText().equals("unavailable"), Duration.ofSeconds(10));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
            assertThat(district.requests()).anySatisfy(r -> assertThat(r.path("code").asText()).isEqualTo(SILENT));
        }
    }

    @Test
    void never_sends_invalid_codes_and_stays_healthy_on_garbage() throws Exception {
        try (SseClient sse = new SseClient(kiosk.baseUrl()).awaitConnected()) {
            int before = district.requests().size();
            byte[] junk = new byte[300];
            new Random(7).nextBytes(junk);
            scan(junk);
            scan("A".repeat(500));
            scan("ABC\u0000\u0007\u001b[2J123");
            scan("ho so cua toi");
            scan("SHORT");

            var invalid = sse.await("dossier", d -> d.path("code").asText().equals("SHORT"), Duration.ofSeconds(5));
            assertThat(invalid.data().path("result").asText()).isEqualTo("invalid");
            scan(READY);
            sse.await("dossier", d -> d.path("result").asText().equals("found"), Duration.ofSeconds(5));
            assertThat(district.requests().subList(before, district.requests().size()))
                    .extracting(r -> r.path("code").asText()).containsExactly(READY);
            assertThat(kiosk.runtime().health().overall()).isEqualTo(HealthModel.Overall.OK);
            assertThat(coap.getJson("health").path("components").path("screen").asText()).isEqualTo("ok");
            var telemetry = coap.getJson("telemetry");
            assertThat(telemetry.path("mode").asText()).isEqualTo("lookup");
            assertThat(telemetry.path("invalidCodes").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(telemetry.path("dossierRequests").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(telemetry.path("lookupsToday").path("dossierFound").asLong()).isGreaterThanOrEqualTo(1);
        }
    }

    private static List<String> texts(JsonNode lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.asText()));
        return out;
    }
}
