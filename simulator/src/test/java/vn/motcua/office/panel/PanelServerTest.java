package vn.motcua.office.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.district.District;
import vn.motcua.office.district.DossierDesk;

class PanelServerTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/";

    private final List<String> published = new ArrayList<>();
    private final District district = new District("hoang-mai/dinh-cong", ZoneId.of("Asia/Ho_Chi_Minh"),
            new MutableClock(Instant.parse("2026-11-23T02:00:00Z")), (topic, payload, retained) -> published.add(topic + " " + payload),
            new DossierDesk(List.of()));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ScheduledExecutorService scheduler;
    private CoapLink coap;
    private PanelServer server;

    @BeforeEach
    void start() throws Exception {
        scheduler = Executors.newScheduledThreadPool(1);
        coap = new CoapLink();
        DevicePoller poller = new DevicePoller(coap, List.of());
        PanelView view = new PanelView(List.of(), List.of(), 2, district, poller, () -> true);
        server = new PanelServer(0, view, new PanelActions(coap, district, poller, List.of()), poller.printer());
        server.start(scheduler);
    }

    @AfterEach
    void stop() {
        server.stop();
        scheduler.shutdownNow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_the_page_and_its_scripts_from_the_jar() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("Máy phát số thứ tự").doesNotContain("http://", "https://");
        assertThat(get("/panel.js").statusCode()).isEqualTo(200);
        assertThat(get("/panel.css").statusCode()).isEqualTo(200);
        // the LCDs' own font, with the Vietnamese letters the usual Linux monospace lacks
        assertThat(get("/panel.css").body()).contains("url(lcd-vietnamese.woff2)", "U+1EA0-1EF9");
        for (String font : new String[] {"/lcd-latin.woff2", "/lcd-vietnamese.woff2"}) {
            var r = get(font);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("font/woff2");
        }
        assertThat(get("/lcd-font-license.txt").body()).contains("SIL Open Font License");
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/nothing.html").statusCode()).isEqualTo(404);
    }

    @Test
    void a_counter_officers_call_goes_to_the_district_and_shows_in_the_state() throws Exception {
        district.handle(ROOT + "printer-1/event/ticket/issued", """
                {"eventId":"printer-1:2","seq":2,"type":"ticket.issued","ts":"2026-11-23T08:59:00.000+07:00",
                 "data":{"ticket":"B004","service":"B","number":4,"priority":false,"businessDay":"2026-11-23"}}""");

        var call = post("/api/counters/2/call", "");

        assertThat(Json.parse(call.body()).path("ticket").asText()).isEqualTo("B004");
        assertThat(published).anySatisfy(p -> assertThat(p).startsWith(ROOT + "serving/2 ").contains("\"ticket\":\"B004\""));
        var state = Json.parse(get("/api/state").body());
        assertThat(state.at("/district/serving/2").asText()).isEqualTo("B004");
        assertThat(state.path("counters").asInt()).isEqualTo(2);
    }

    @Test
    void refuses_unknown_actions_and_devices() throws Exception {
        assertThat(post("/api/counters/1/dance", "").statusCode()).isEqualTo(404);
        assertThat(Json.parse(post("/api/devices/printer-9/press", "A").body()).path("ok").asBoolean()).isFalse();
        assertThat(Json.parse(post("/api/printer/state", "on-fire").body()).path("ok").asBoolean()).isFalse();
    }

    @Test
    void the_event_stream_starts_with_the_whole_state() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/stream")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("event: state");
        String data = lines.next();
        assertThat(data).startsWith("data: ");
        assertThat(Json.parse(data.substring(6)).path("officeName").asText()).contains("Định Công");
    }
}
