package vn.motcua.common.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.config.ConfigError;
import vn.motcua.common.json.Json;

/** Small helpers to answer with JSON and with the contract's error bodies. */
public final class Responses {
    private Responses() {
    }

    public static void json(CoapExchange exchange, ResponseCode code, String json) {
        exchange.respond(code, json.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON);
    }

    public static void json(CoapExchange exchange, ResponseCode code, JsonNode tree) {
        json(exchange, code, Json.write(tree));
    }

    /** {@code {"errors":[{"path","message"}]}} with the given code. */
    public static void errors(CoapExchange exchange, ResponseCode code, List<ConfigError> errors) {
        var body = Json.object();
        var list = body.putArray("errors");
        errors.forEach(e -> list.addObject().put("path", e.path()).put("message", e.message()));
        json(exchange, code, body);
    }

    public static void error(CoapExchange exchange, ResponseCode code, String message) {
        errors(exchange, code, List.of(new ConfigError("", message)));
    }
}
