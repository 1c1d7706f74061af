package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.Configs;

/**
 * A replaced SD card (a fresh state directory) restarts seq at 1; with the state id in every eventId, a district that
 * drops duplicates by eventId keeps the new card's events instead of throwing them away (SPEC v1.1 section 4).
 */
@Tag("slow")
class ReplacedStateCardTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Path dir = TestDirs.create("ticket-card-");
    private final Path log = dir.resolve("device.log");
    private final int port = FreePorts.udp();

    @Test
    void a_district_that_drops_duplicates_by_event_id_keeps_the_events_of_a_replaced_card() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        try (MosquittoProcess broker = new MosquittoProcess().start()) {
            ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", broker.uri());
            ((ObjectNode) id.get("coap")).put("port", port);
            Path identity = TestIdentities.write(dir, id);
            String root = "motcua/v1/" + id.get("office").asText() + "/tp-01";
            try (MqttRecorder district = new MqttRecorder(broker.uri(), root + "/#", true)) {
                String firstCard = runOneTicket(identity, dir.resolve("card-1"), district, root, 1);
                String secondCard = runOneTicket(identity, dir.resolve("card-2"), district, root, 2);
                assertThat(secondCard).as("a new state directory gets a new state id").isNotEqualTo(firstCard);

                Map<String, JsonNode> byEventId = new LinkedHashMap<>();
                district.matching(m -> m.topic().startsWith(root + "/event/"))
                        .forEach(m -> byEventId.putIfAbsent(m.json().get("eventId").asText(), m.json()));
                List<String> kept = byEventId.values().stream()
                        .map(e -> e.get("type").asText() + "#" + e.get("seq").asLong()).toList();
                assertThat(kept).as("deduplicated by eventId, both cards' events are kept")
                        .containsExactly("device.started#1", "config.applied#2", "ticket.issued#3",
                                "device.started#1", "config.applied#2", "ticket.issued#3");
                assertThat(byEventId.keySet()).allMatch(k -> k.startsWith("tp-01:" + firstCard + ":")
                        || k.startsWith("tp-01:" + secondCard + ":"));
            }
        }
    }

    /** Starts the device on a fresh state directory, takes one ticket, stops it; returns the state id it announced. */
    private String runOneTicket(Path identity, Path state, MqttRecorder district, String root, int run) throws Exception {
        DeviceProcess device = DeviceProcess.start(TicketPrinterMain.class.getName(), identity, state, log);
        try (Coap coap = new Coap(port, 1000)) {
            JsonNode started = district.await(m -> m.topic().equals(root + "/event/device/started"), run, WAIT)
                    .get(run - 1).json();
            String stateId = started.path("data").path("stateId").asText();
            assertThat(stateId).matches("[0-9a-f]{16}");
            assertThat(started.get("eventId").asText()).isEqualTo("tp-01:" + stateId + ":1");
            district.await(m -> m.topic().equals(root + "/state") && m.json().path("stateId").asText().equals(stateId),
                    1, WAIT);
            CoapResponse put = coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
            assertThat(put.isSuccess()).as("config accepted").isTrue();
            district.await(m -> m.topic().equals(root + "/event/config/applied")
                    && m.json().get("eventId").asText().startsWith("tp-01:" + stateId + ":"), 1, WAIT);
            assertThat(coap.post("sim/press", "A").isSuccess()).isTrue();
            district.await(m -> m.topic().equals(root + "/event/ticket/issued")
                    && m.json().get("eventId").asText().equals("tp-01:" + stateId + ":3"), 1, WAIT);
            assertThat(device.terminate()).isZero();
            return stateId;
        } finally {
            if (device.alive()) {
                device.kill9();
            }
        }
    }
}
