package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RabbitMqNode;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.Configs;

/**
 * SPEC §4's topics survive every broker: a ticket printer on RabbitMQ (which swaps MQTT's {@code /} and AMQP's
 * {@code .}) and on Mosquitto; a district subscriber with {@code +} levels and one with {@code R/event/#} get
 * every event on {@code R/event/{category}/{action}}, as {@code GET /events} lists it, and the retained birth.
 */
@Tag("slow")
class BrokerTopicsTest {
    private static final String OFFICE = "motcua/v1/hoang-mai/dinh-cong";
    private static final String ROOT = OFFICE + "/tp-01";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Path dir = TestDirs.create("broker-topics-");

    @Test
    void a_plus_level_subscriber_on_rabbitmq_gets_every_event_on_its_spec_topic() throws Exception {
        RealPeers.require("rabbitmq-server", RabbitMqNode.available());
        try (RabbitMqNode broker = new RabbitMqNode().start()) {
            everyEventArrivesOnItsTopic(broker.uri());
        }
    }

    @Test
    void a_plus_level_subscriber_on_mosquitto_gets_every_event_on_its_spec_topic() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        try (MosquittoProcess broker = new MosquittoProcess().start()) {
            everyEventArrivesOnItsTopic(broker.uri());
        }
    }

    private void everyEventArrivesOnItsTopic(String uri) throws Exception {
        try (MqttRecorder district = new MqttRecorder(uri, OFFICE + "/+/event/+/+", false);
             MqttRecorder all = new MqttRecorder(uri, ROOT + "/event/#", false)) {
            DeviceIdentity<TicketPrinterHardware> device = IdentityLoader.load(TestIdentities.write(dir,
                    TestIdentities.sim("tp-01", "ticket-printer", uri)), DeviceKind.TICKET_PRINTER, TicketPrinterHardware.MODEL);
            DeviceRuntime<TicketConfig> runtime = new DeviceRuntime<>(device, dir.resolve("state"),
                    new TicketPrinterApp(device.hardware()), Clock.system(device.identity().timezone()));
            runtime.start();
            try (Coap coap = new Coap(runtime.coapPort())) {
                assertThat(coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON).getCode())
                        .isEqualTo(ResponseCode.CHANGED);
                coap.post("sim/press", "A");
                List<JsonNode> recorded = recordedThrough(coap, "ticket.issued");
                assertThat(recorded).extracting(e -> e.get("type").asText()).contains("device.started", "ticket.issued");
                for (JsonNode event : recorded) {
                    String topic = ROOT + "/event/" + event.get("type").asText().replace('.', '/');
                    // R/event/# first: on a broker that keeps topics as published, its failure shows the topic the device used
                    for (MqttRecorder subscriber : List.of(all, district)) {
                        JsonNode got = subscriber.await(m -> m.topic().equals(topic)
                                && m.json().get("eventId").equals(event.get("eventId")), 1, WAIT).get(0).json();
                        assertThat(got).as("what %s delivered on %s", uri, topic).isEqualTo(event);
                    }
                }
                assertThat(district.messages()).extracting(MqttRecorder.Message::topic).allMatch(t -> !t.contains("."));
                assertRetainedBirth(uri);
            } finally {
                runtime.stop();
            }
        }
    }

    /** The device's own event log over CoAP, oldest first, once it holds {@code lastType}. */
    private static List<JsonNode> recordedThrough(Coap coap, String lastType) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<JsonNode> events = new ArrayList<>();
            coap.getJson("events?after=0&limit=500").forEach(events::add);
            if (events.stream().anyMatch(e -> e.get("type").asText().equals(lastType)) || System.nanoTime() > deadline) {
                return events;
            }
            Thread.sleep(100);
        }
    }

    /** A subscriber that comes after the device connected gets its birth, retained. */
    private static void assertRetainedBirth(String uri) throws Exception {
        try (MqttRecorder late = new MqttRecorder(uri, ROOT + "/state", false)) {
            JsonNode birth = late.await(MqttRecorder.Message::retained, 1, WAIT).get(0).json();
            assertThat(birth.get("status").asText()).isEqualTo("online");
            assertThat(birth.get("kind").asText()).isEqualTo("ticket-printer");
        }
    }
}
