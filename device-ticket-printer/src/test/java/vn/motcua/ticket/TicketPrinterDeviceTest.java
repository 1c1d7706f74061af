package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.Configs;

/** The whole ticket printer in process: sim hardware, real CoAP, real MQTT broker. */
@Tag("slow")
class TicketPrinterDeviceTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Path dir = TestDirs.create("ticket-device-");
    private MoquetteBroker broker;
    private MqttRecorder events;
    private DeviceRuntime<TicketConfig> runtime;
    private Coap coap;

    @BeforeEach
    void start() throws Exception {
        broker = new MoquetteBroker().start();
        events = new MqttRecorder(broker.uri(), ROOT + "/event/#", false);
        DeviceIdentity<TicketPrinterHardware> device = IdentityLoader.load(TestIdentities.write(dir,
                TestIdentities.sim("tp-01", "ticket-printer", broker.uri())), DeviceKind.TICKET_PRINTER, TicketPrinterHardware.MODEL);
        runtime = new DeviceRuntime<>(device, dir.resolve("state"), new TicketPrinterApp(device.hardware()),
                Clock.system(device.identity().timezone()));
        runtime.start();
        coap = new Coap(runtime.coapPort());
    }

    @AfterEach
    void stop() throws Exception {
        coap.close();
        runtime.stop();
        events.close();
        broker.stop();
    }

    @Test
    void prints_vietnamese_intact_publishes_the_ticket_and_is_honest_about_paper() throws Exception {
        assertThat(coap.getJson("sim/display").get("lines").get(0).asText()).isEqualTo("Chưa cấu hình");
        CoapResponse put = coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
        assertThat(put.getCode()).isEqualTo(ResponseCode.CHANGED);
        // the office name (21 letters) pages on the 20-column display: its first row comes round every few seconds
        awaitDisplayRow("UBND phường Định");

        coap.post("sim/press", "A");
        String text = awaitDocuments(1).get(0);
        assertThat(text).contains(Configs.HEADER, "A001", "Hộ tịch", "Xin cảm ơn@V quý khách!");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7F)).isEmpty();
        JsonNode issued = await("ticket.issued", d -> true).get("data");
        assertThat(issued).hasToString("{\"ticket\":\"A001\",\"service\":\"A\",\"number\":1,\"priority\":false,\"businessDay\":\""
                + issued.get("businessDay").asText() + "\"}");
        assertThat(coap.get("sim/printer/last.png").getPayload()).startsWith(0x89, 'P', 'N', 'G');

        assertThat(coap.put("sim/printer-state", "paper-out", MediaTypeRegistry.TEXT_PLAIN).getCode()).isEqualTo(ResponseCode.CHANGED);
        coap.post("sim/press", "A");
        assertThat(await("ticket.refused", d -> true).get("data")).hasToString("{\"service\":\"A\",\"reason\":\"paper-out\"}");
        assertThat(await("printer.fault", d -> true).get("data")).hasToString("{\"condition\":\"paper-out\"}");
        awaitDisplayRow("Máy in hết giấy");
        assertThat(coap.getJson("sim/leds").get("A").asText()).isEqualTo("off");
        assertThat(coap.getJson("health").get("components").get("printer").asText()).isEqualTo("fault:paper-out");
        assertThat(coap.post("actions/test-print", "").getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);

        coap.put("sim/printer-state", "ok", MediaTypeRegistry.TEXT_PLAIN);
        assertThat(await("printer.recovered", d -> true).get("data")).hasToString("{\"condition\":\"paper-out\"}");
        assertThat(coap.getJson("sim/leds").get("A").asText()).isEqualTo("on");
        assertThat(coap.post("actions/test-print", "").getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(awaitDocuments(2).get(1)).contains("In thử", Configs.HEADER).doesNotContain("ticket");

        JsonNode telemetry = coap.getJson("telemetry");
        assertThat(telemetry.get("ticketsToday")).hasToString("{\"A\":1}");
        assertThat(telemetry.get("lastNumber")).hasToString("{\"A\":1}");
        assertThat(telemetry.get("refused")).hasToString("{\"paper-out\":1}");
        assertThat(telemetry.get("printer").asText()).isEqualTo("ok");
        assertThat(telemetry.get("businessDay").asText()).isEqualTo(issued.get("businessDay").asText());
        assertThat(events.matching(m -> m.topic().endsWith("/event/ticket/issued"))).hasSize(1);
    }

    @Test
    void prints_the_people_ahead_while_the_districts_count_is_fresh_and_never_a_stale_one() throws Exception {
        coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
        String queues = "motcua/v1/hoang-mai/dinh-cong/queue/";
        events.publish(queues + "B", "{\"service\":\"B\",\"waiting\":7,\"avgServiceSeconds\":120,\"ts\":\""
                + OffsetDateTime.now().minusMinutes(6) + "\"}", true);
        events.publish(queues + "A", "{\"service\":\"A\",\"waiting\":4,\"avgServiceSeconds\":150,\"ts\":\""
                + OffsetDateTime.now() + "\"}", true);

        // the count reaches the device over MQTT while the presses come over CoAP: press until a ticket carries it
        long deadline = System.nanoTime() + WAIT.toNanos();
        String ticket;
        int printed = 0;
        do {
            coap.post("sim/press", "A");
            ticket = awaitDocuments(++printed).get(printed - 1);
        } while (!ticket.contains("Trước quý khách") && System.nanoTime() < deadline);
        assertThat(ticket).contains("Trước quý khách còn 4 người", "Thời gian chờ dự kiến: khoảng 10 phút");

        coap.post("sim/press", "B");
        assertThat(awaitDocuments(printed + 1).get(printed)).contains("B001").doesNotContain("Trước quý khách", "dự kiến");
    }

    /** Waits until the display shows this first row; every row it shows meanwhile fits the 20 columns. */
    private void awaitDisplayRow(String first) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> rows = Json.mapper().convertValue(coap.getJson("sim/display").get("lines"),
                    Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
            assertThat(rows).allSatisfy(row -> assertThat(row.codePointCount(0, row.length())).isLessThanOrEqualTo(20));
            if (!rows.isEmpty() && rows.get(0).equals(first) || System.nanoTime() > deadline) {
                assertThat(rows).first().isEqualTo(first);
                return;
            }
            Thread.sleep(50);
        }
    }

    private List<String> awaitDocuments(int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> docs = coap.getJson("sim/printer").get("documents").findValuesAsText("text");
            if (docs.size() >= count || System.nanoTime() > deadline) {
                assertThat(docs).hasSizeGreaterThanOrEqualTo(count);
                return docs;
            }
            Thread.sleep(50);
        }
    }

    private JsonNode await(String type, Predicate<JsonNode> p) throws InterruptedException {
        return events.await(m -> m.topic().equals(ROOT + "/event/" + EventLog.topicLevels(type)) && p.test(m.json()), 1, WAIT).get(0).json();
    }
}
