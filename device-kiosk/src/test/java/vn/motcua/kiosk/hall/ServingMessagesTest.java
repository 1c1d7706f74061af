package vn.motcua.kiosk.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.motcua.common.uplink.InboundMessage;

class ServingMessagesTest {
    private static InboundMessage on(String topic, String payload) {
        return new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void reads_a_call_and_a_closed_counter() {
        var call = ServingMessages.parse(on("motcua/v1/o/serving/5", "{\"counter\":5,\"ticket\":\"A012\",\"ts\":\"t\"}"));
        assertThat(call).contains(new ServingMessages.Serving(5, "A012", "t"));
        var closed = ServingMessages.parse(on("motcua/v1/o/serving/5", "{\"ticket\":null}"));
        assertThat(closed).contains(new ServingMessages.Serving(5, null, ""));
    }

    /** An empty payload: a retained message cleared on the broker, or one the uplink refused as too large. */
    @Test
    void an_empty_payload_is_ignored_not_thrown() {
        assertThat(ServingMessages.parse(on("motcua/v1/o/serving/5", ""))).isEmpty();
    }
}
