package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;

/** A device with a list of broker nodes, the first one down: it uses the next, and its telemetry names it. */
class BrokerNodeTelemetryTest {
    @Test
    void the_first_node_down_the_device_connects_to_the_next_and_telemetry_names_it() throws Exception {
        String down = "tcp://127.0.0.1:" + FreePorts.tcp();
        try (MoquetteBroker broker = new MoquetteBroker(FreePorts.tcp()).start()) {
            ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", down);
            id.putObject("mqtt").putArray("uris").add(down).add(broker.uri());
            try (InProcessDevice<CommonOnlyConfig> device = new InProcessDevice<>(TestDirs.create("nodes-"), id,
                    new TickingDevice(0)).start()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> telemetry(device).path("broker").asText("")
                        .equals(broker.uri()));

                broker.stop();
                await().atMost(Duration.ofSeconds(20)).until(() -> telemetry(device).path("broker").isNull());
            }
        }
    }

    private static JsonNode telemetry(InProcessDevice<?> device) throws Exception {
        return Json.parse(device.coap("/telemetry").get().getResponseText());
    }
}
