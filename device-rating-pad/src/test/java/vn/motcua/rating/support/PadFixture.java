package vn.motcua.rating.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.TestIdentities;

/** Names and helpers shared by the rating pad's broker tests: device rp-05 at counter 5 of hoang-mai/dinh-cong. */
public final class PadFixture {
    public static final String DEVICE = "rp-05";
    public static final String OFFICE_TOPIC = "motcua/v1/hoang-mai/dinh-cong";
    public static final String SERVING_TOPIC = OFFICE_TOPIC + "/serving/5";
    public static final String RATINGS_TOPIC = OFFICE_TOPIC + "/" + DEVICE + "/event/rating/submitted";

    private PadFixture() {
    }

    /** A sim identity of a rating pad at counter 5 with plain CoAP on loopback ({@code coapPort} 0 picks one). */
    public static Path identity(Path dir, String brokerUri, int coapPort) {
        ObjectNode id = TestIdentities.sim(DEVICE, "rating-pad", brokerUri);
        id.put("counter", 5);
        ((ObjectNode) id.get("coap")).put("port", coapPort);
        return TestIdentities.write(dir, id);
    }

    /** The district calls a ticket to counter 5 (null closes the counter), retained as the district does. */
    public static void serve(MqttRecorder district, String ticket) throws Exception {
        String t = ticket == null ? "null" : "\"" + ticket + "\"";
        district.publish(SERVING_TOPIC, "{\"counter\":5,\"ticket\":" + t + ",\"ts\":\"" + java.time.OffsetDateTime.now() + "\"}",
                true);
    }

    /** The data of every rating.submitted event received so far (duplicates by eventId dropped). */
    public static List<JsonNode> ratings(MqttRecorder rec) {
        java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        rec.matching(m -> m.topic().equals(RATINGS_TOPIC))
                .forEach(m -> byId.putIfAbsent(m.json().get("eventId").asText(), m.json().get("data")));
        return List.copyOf(byId.values());
    }
}
