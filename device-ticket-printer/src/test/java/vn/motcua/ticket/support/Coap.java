package vn.motcua.ticket.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import vn.motcua.common.json.Json;

/** A plain CoAP client for a device on loopback, built without a Californium3.properties file. */
public final class Coap implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final int port;
    private final CoapEndpoint endpoint;
    private final long timeoutMillis;

    public Coap(int port) {
        this(port, 10_000);
    }

    /** A client whose requests give up after {@code timeoutMillis} (a response of null). */
    public Coap(int port, long timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 4 * 1024 * 1024);
        this.endpoint = new CoapEndpoint.Builder().setConfiguration(config).build();
    }

    public CoapResponse get(String path) throws Exception {
        return client(path).get();
    }

    public JsonNode getJson(String path) throws Exception {
        CoapResponse r = get(path);
        if (r == null || !r.isSuccess()) {
            throw new AssertionError("GET " + path + " failed: " + (r == null ? "no answer" : r.getCode() + " " + r.getResponseText()));
        }
        return Json.parse(r.getResponseText());
    }

    public CoapResponse put(String path, String payload, int format) throws Exception {
        return client(path).put(payload, format);
    }

    public CoapResponse post(String path, String payload) throws Exception {
        return client(path).post(payload, MediaTypeRegistry.TEXT_PLAIN);
    }

    private CoapClient client(String path) {
        CoapClient c = new CoapClient("coap://127.0.0.1:" + port + "/" + path);
        c.setEndpoint(endpoint);
        c.setTimeout(timeoutMillis);
        return c;
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
