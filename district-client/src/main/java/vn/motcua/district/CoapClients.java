package vn.motcua.district;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * CoAP clients for the district's tools and tests: plain on loopback, or coaps with a device's PSK. The caller passes
 * Californium's configuration ({@code CoapSettings.forClient()} from common, which owns the limits and suites the
 * devices use), so this module depends on no device code.
 */
public final class CoapClients {
    /** How long {@link #close} waits for the close_notify to leave. */
    static final long CLOSE_WAIT_MILLIS = 1000;

    private CoapClients() {
    }

    /** A client endpoint for plain coap:// (no file written). */
    public static CoapEndpoint plainEndpoint(Configuration config) {
        return new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new UDPConnector(new InetSocketAddress(0), config)).build();
    }

    /** A client endpoint for coaps:// with a pre-shared key, with the given configuration (role, suites). */
    public static CoapEndpoint dtlsEndpoint(Configuration config, String pskIdentity, byte[] psk) {
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(pskIdentity, psk))
                .build();
        return new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }

    /** A client for one URI on the given endpoint; {@link #close} the endpoint when done. */
    public static CoapClient client(String uri, CoapEndpoint endpoint) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        return client;
    }

    /**
     * Ends the endpoint: a DTLS session with {@code peer} is closed with close_notify first and the device's answering
     * close_notify awaited (at most {@link #CLOSE_WAIT_MILLIS}), so the device may give the session's slot to the next
     * client at once; then the endpoint is destroyed.
     */
    public static void close(CoapEndpoint endpoint, InetSocketAddress peer) {
        try {
            if (endpoint.getConnector() instanceof DTLSConnector dtls && dtls.isRunning()
                    && dtls.getDtlsContextByAddress(peer) != null) {
                CountDownLatch answered = new CountDownLatch(1);
                dtls.setAlertHandler((from, alert) -> {
                    if (alert.getDescription() == AlertMessage.AlertDescription.CLOSE_NOTIFY) {
                        answered.countDown();
                    }
                });
                dtls.close(peer);
                answered.await(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            // the connector is already stopping: nothing more can be sent
        } finally {
            endpoint.destroy();
        }
    }
}
