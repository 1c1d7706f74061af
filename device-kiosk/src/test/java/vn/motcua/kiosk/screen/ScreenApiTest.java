package vn.motcua.kiosk.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.kiosk.testing.KioskDevice;
import vn.motcua.kiosk.testing.SseClient;

@Tag("slow")
class ScreenApiTest {
    private static MoquetteBroker broker;
    private static KioskDevice kiosk;

    @BeforeAll
    static void start() throws Exception {
        broker = new MoquetteBroker().start();
        kiosk = KioskDevice.start("ks-api-01", broker.uri());
    }

    @AfterAll
    static void stop() {
        kiosk.close();
        broker.close();
    }

    private static List<String> fields(JsonNode results, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, results.size()); i++) {
            out.add(results.get(i).path("field").asText());
        }
        return out;
    }

    @Test
    void finds_civil_status_procedures_without_diacritics_in_capitals_and_with_a_typo() throws Exception {
        for (String q : List.of("ho%20tich", "H%E1%BB%98%20T%E1%BB%8ACH", "ho%20tihc")) {
            JsonNode results = kiosk.getJson("/api/procedures?q=" + q + "&limit=5").path("results");

            assertThat(results).hasSize(5);
            assertThat(fields(results, 5)).as(q).containsOnly("Hộ tịch");
            assertThat(results.get(0).fieldNames()).toIterable().containsExactly("id", "title", "field", "score");
        }
    }

    @Test
    void serves_a_whole_procedure_and_a_json_404_for_an_unknown_id() throws Exception {
        JsonNode p = kiosk.getJson("/api/procedures/HT-001");

        assertThat(p.path("title").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(p.path("documents")).isNotEmpty();
        assertThat(p.fieldNames()).toIterable().containsExactly("id", "title", "field", "durationDays", "fee", "documents");
        assertThat(p.has("fee")).isTrue();
        var missing = kiosk.get("/api/procedures/NO-SUCH");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    }

    @Test
    void records_an_opened_procedure_as_a_lookup_without_personal_data() throws Exception {
        try (MqttRecorder events = new MqttRecorder(broker.uri(), kiosk.topicRoot() + "/event/kiosk/lookup", false)) {
            kiosk.getJson("/api/procedures/HT-002");

            var got = events.await(m -> true, 1, Duration.ofSeconds(10));
            assertThat(got.get(0).json().path("data").toString()).isEqualTo("{\"what\":\"procedure\",\"found\":true}");
        }
    }

    @Test
    void lists_fields_and_the_procedures_of_one_field() throws Exception {
        JsonNode fields = kiosk.getJson("/api/fields").path("fields");
        assertThat(fields.get(0).path("field").asText()).isEqualTo("Hộ tịch");

        JsonNode inField = kiosk.getJson("/api/procedures?field=H%E1%BB%99%20t%E1%BB%8Bch&limit=2000").path("results");
        assertThat(inField.size()).isEqualTo(fields.get(0).path("count").asInt());
    }

    @Test
    void serves_the_lookup_page_and_its_scripts() throws Exception {
        var page = kiosk.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tra cứu thủ tục hành chính").contains("/static/lookup.js");
        assertThat(kiosk.get("/static/lookup.js").statusCode()).isEqualTo(200);
        assertThat(kiosk.get("/static/../kiosk.css").statusCode()).isEqualTo(404);
        assertThat(kiosk.get("/api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void states_office_mode_and_idle_time() throws Exception {
        JsonNode state = kiosk.getJson("/api/state");

        assertThat(state.path("mode").asText()).isEqualTo("lookup");
        assertThat(state.path("idleSeconds").asInt()).isEqualTo(60);
        assertThat(state.path("locale").asText()).isEqualTo("vi");
        assertThat(state.path("timezone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(state.path("calls").isArray()).isTrue();
    }

    @Test
    void shows_a_typed_invalid_code_as_invalid_on_the_stream() throws Exception {
        try (SseClient sse = new SseClient(kiosk.baseUrl()).awaitConnected()) {
            var answer = kiosk.post("/api/dossier", "hello world");

            assertThat(answer.statusCode()).isEqualTo(202);
            sse.await("scan", d -> d.path("source").asText().equals("wedge"), Duration.ofSeconds(5));
            var dossier = sse.await("dossier", d -> d.path("result").asText().equals("invalid"), Duration.ofSeconds(5));
            assertThat(dossier.data().path("code").asText()).isEqualTo("hello world");
        }
    }

    @Test
    void listens_on_loopback_only() throws Exception {
        int port = Integer.parseInt(kiosk.baseUrl().substring(kiosk.baseUrl().lastIndexOf(':') + 1));
        InetAddress outside = null;
        for (var nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (var a : Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    outside = a;
                }
            }
        }
        if (outside == null) {
            return;
        }
        try (Socket s = new Socket()) {
            InetSocketAddress target = new InetSocketAddress(outside, port);
            assertThat(connects(s, target)).isFalse();
        }
    }

    private static boolean connects(Socket s, InetSocketAddress target) {
        try {
            s.connect(target, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
