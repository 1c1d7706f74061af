package vn.motcua.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import vn.motcua.common.json.Json;

/** A plain-CoAP client for a sim device's loopback management port; writes no Californium3.properties. */
public final class Coap implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final int port;
    private final CoapEndpoint endpoint = CoapEndpoint.builder()
            .setConfiguration(Configuration.createStandardWithoutFile()).build();

    public Coap(int port) {
        this.port = port;
    }

    public CoapResponse post(String path, byte[] payload) throws Exception {
        return client(path).post(payload, MediaTypeRegistry.TEXT_PLAIN);
    }

    public JsonNode getJson(String path) throws Exception {
        CoapResponse r = client(path).get();
        if (r == null || !r.isSuccess()) {
            throw new AssertionError("GET " + path + " failed: " + (r == null ? "no answer" : r.getCode()));
        }
        return Json.parse(r.getResponseText());
    }

    private CoapClient client(String path) {
        CoapClient c = new CoapClient("coap://127.0.0.1:" + port + "/" + path);
        c.setEndpoint(endpoint);
        c.setTimeout(5000L);
        return c;
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
