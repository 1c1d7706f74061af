package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.district.CoapClients;

/** A library-neutral resource added by a device module answers over real CoAP through the Californium adapter. */
class DeviceResourceTest {
    private final ManagementServer server = new ManagementServer(
            new Identity.CoapSettings(FreePorts.udp(), "127.0.0.1", false, null, null));
    private final CoapEndpoint endpoint = CoapClients.plainEndpoint(CoapSettings.forClient());

    @AfterEach
    void stop() {
        endpoint.destroy();
        server.stop();
    }

    /** A resource that keeps one word: GET it as JSON, PUT a new one (refused when empty), POST is not offered. */
    private static final class Word implements DeviceResource {
        private String word = "xin chào";

        @Override
        public String title() {
            return "one word";
        }

        @Override
        public Reply get() {
            return Reply.json(Json.object().put("word", word));
        }

        @Override
        public Reply put(byte[] body) {
            String next = new String(body, StandardCharsets.UTF_8).strip();
            if (next.isEmpty()) {
                return Reply.badRequest("a word, please");
            }
            word = next;
            return Reply.changed();
        }
    }

    private CoapClient client(String path) {
        return CoapClients.client("coap://127.0.0.1:" + server.port() + "/" + path, endpoint);
    }

    @Test
    void get_put_and_a_method_not_offered_go_through_the_adapter_under_a_made_parent() throws Exception {
        server.add("sim/word", new Word());
        server.start();

        CoapResponse got = client("sim/word").get();
        assertThat(got.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(got.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
        assertThat(Json.parse(got.getResponseText()).path("word").asText()).isEqualTo("xin chào");

        CoapResponse refused = client("sim/word").put("", MediaTypeRegistry.TEXT_PLAIN);
        assertThat(refused.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(refused.getResponseText()).isEqualTo("a word, please");

        assertThat(client("sim/word").put("tạm biệt", MediaTypeRegistry.TEXT_PLAIN).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(client("sim/word").get().getResponseText()).contains("tạm biệt");
        assertThat(client("sim/word").post("x", MediaTypeRegistry.TEXT_PLAIN).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }
}
