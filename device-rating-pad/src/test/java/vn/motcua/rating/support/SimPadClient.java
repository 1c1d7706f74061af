package vn.motcua.rating.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import vn.motcua.common.json.Json;

/** A CoAP client for a sim-profile rating pad on loopback: presses its buttons, reads its display, LEDs, telemetry. */
public final class SimPadClient implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final String base;
    private final CoapEndpoint endpoint;

    public SimPadClient(int port) {
        this.base = "coap://127.0.0.1:" + port + "/";
        this.endpoint = new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile()).build();
    }

    /** Presses a button through {@code POST /sim/press}; fails when the pad has no such button. */
    public void press(String button) throws Exception {
        CoapResponse r = client("sim/press").post(button, MediaTypeRegistry.TEXT_PLAIN);
        if (r == null || !r.isSuccess()) {
            throw new AssertionError("press " + button + ": " + (r == null ? "no answer" : r.getCode() + " " + r.getResponseText()));
        }
    }

    public List<String> display() throws Exception {
        List<String> lines = new ArrayList<>();
        get("sim/display").get("lines").forEach(l -> lines.add(l.asText()));
        return lines;
    }

    public JsonNode leds() throws Exception {
        return get("sim/leds");
    }

    public JsonNode telemetry() throws Exception {
        return get("telemetry");
    }

    public JsonNode health() throws Exception {
        return get("health");
    }

    /** Every recorded event still kept, oldest first ({@code GET /events?after=0&limit=500}). */
    public JsonNode events() throws Exception {
        return get("events?after=0&limit=500");
    }

    private JsonNode get(String path) throws ConnectorException, IOException {
        CoapResponse r = client(path).get();
        if (r == null || !r.isSuccess()) {
            throw new AssertionError("GET " + path + ": " + (r == null ? "no answer" : r.getCode()));
        }
        return Json.parse(r.getResponseText());
    }

    private CoapClient client(String path) {
        CoapClient c = new CoapClient(base + path);
        c.setEndpoint(endpoint);
        c.setTimeout(5000L);
        return c;
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
