package vn.motcua.office.coap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.tinylog.Logger;

/**
 * The office's CoAP client on Californium, one endpoint for every device on loopback (plain coap, as the sim
 * identities say); bodies past one block go block-wise (RFC 7959) both ways.
 */
public final class CoapLink {
    private static final long TIMEOUT_MILLIS = 3000;

    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final CoapEndpoint endpoint;

    public CoapLink() {
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 2 * 1024 * 1024);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, 1024);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
        c.set(CoapConfig.ACK_TIMEOUT, 500, TimeUnit.MILLISECONDS);
        c.set(CoapConfig.MAX_RETRANSMIT, 2);
        c.set(CoapConfig.BLOCKWISE_STATUS_LIFETIME, 60, TimeUnit.SECONDS);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        endpoint = new CoapEndpoint.Builder().setConfiguration(c).build();
    }

    public void start() throws IOException {
        endpoint.start();
    }

    public void stop() {
        endpoint.destroy();
    }

    public Optional<CoapReply> get(int port, String path) {
        return send(port, Request.newGet(), path, null, null);
    }

    public Optional<CoapReply> post(int port, String path, String text) {
        return send(port, Request.newPost(), path, text, null);
    }

    /** PUT with a text body; {@code ifMatch} (an ETag, may be null) guards against a concurrent change. */
    public Optional<CoapReply> put(int port, String path, String text, String ifMatch) {
        return send(port, Request.newPut(), path, text, ifMatch);
    }

    private Optional<CoapReply> send(int port, Request request, String path, String text, String ifMatch) {
        CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/" + path);
        client.setEndpoint(endpoint);
        client.setTimeout(TIMEOUT_MILLIS);
        if (text != null) {
            request.setPayload(text.getBytes(StandardCharsets.UTF_8));
            request.getOptions().setContentFormat(path.equals("config") ? MediaTypeRegistry.APPLICATION_JSON
                    : MediaTypeRegistry.TEXT_PLAIN);
        }
        if (ifMatch != null) {
            request.getOptions().addIfMatch(ifMatch.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            CoapResponse r = client.advanced(request);
            if (r == null) {
                return Optional.empty();
            }
            List<byte[]> etags = r.getOptions().getETags();
            String etag = etags.isEmpty() ? "" : new String(etags.get(0), StandardCharsets.US_ASCII);
            int code = r.getCode().codeClass * 100 + r.getCode().codeDetail;
            return Optional.of(new CoapReply(code, r.getPayload() == null ? new byte[0] : r.getPayload(), etag));
        } catch (ConnectorException | IOException e) {
            Logger.debug("CoAP {} {} on port {} failed: {}", request.getCode(), path, port, e.getMessage());
            return Optional.empty();
        }
    }
}
