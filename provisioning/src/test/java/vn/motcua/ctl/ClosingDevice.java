package vn.motcua.ctl;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import vn.motcua.common.management.CoapSettings;
import vn.motcua.common.testing.FreePorts;

/** A coaps peer with the device's settings that counts the close_notify alerts its clients send. */
final class ClosingDevice implements AutoCloseable {
    final int port = FreePorts.udp();
    private final AtomicInteger closeNotifies = new AtomicInteger();
    private final CoapServer server = new CoapServer(CoapSettings.forDevice());

    ClosingDevice() {
        DTLSConnector connector = new DTLSConnector(DtlsConnectorConfig.builder(CoapSettings.forDevice())
                .setAddress(new InetSocketAddress("127.0.0.1", port))
                .setAdvancedPskStore(new AdvancedSinglePskStore(SecureDevice.DEVICE_ID, SecureDevice.KEY.getBytes(StandardCharsets.UTF_8)))
                .build());
        connector.setAlertHandler((peer, alert) -> {
            if (alert.getDescription() == AlertMessage.AlertDescription.CLOSE_NOTIFY) {
                closeNotifies.incrementAndGet();
            }
        });
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(CoapSettings.forDevice()).setConnector(connector).build());
        server.add(new Json("health", "{\"status\":\"ok\",\"components\":{}}"), observable());
        server.start();
    }

    private static CoapResource observable() {
        Json telemetry = new Json("telemetry", "{\"hardware\":{}}");
        telemetry.setObservable(true);
        return telemetry;
    }

    int closeNotifies() {
        return closeNotifies.get();
    }

    @Override
    public void close() {
        server.destroy();
    }

    /** A resource that always answers the same JSON. */
    private static final class Json extends CoapResource {
        private final String body;

        Json(String name, String body) {
            super(name);
            this.body = body;
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            exchange.respond(ResponseCode.CONTENT, body, MediaTypeRegistry.APPLICATION_JSON);
        }
    }
}
