package vn.motcua.common.management;

import java.net.InetSocketAddress;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/** CoAP clients for the district's tools and tests: plain on loopback, or coaps with a device's PSK. */
public final class CoapClients {
    private CoapClients() {
    }

    /** A client endpoint for plain coap:// (no file written). */
    public static CoapEndpoint plainEndpoint() {
        Configuration config = CoapSettings.forDevice();
        return new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new UDPConnector(new InetSocketAddress(0), config)).build();
    }

    /** A client endpoint for coaps:// with a pre-shared key (DTLS 1.2, client role). */
    public static CoapEndpoint dtlsEndpoint(String pskIdentity, byte[] psk) {
        Configuration config = CoapSettings.forDevice();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(pskIdentity, psk))
                .build();
        return new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build();
    }

    /** A client for one URI on the given endpoint; destroy the endpoint when done. */
    public static CoapClient client(String uri, CoapEndpoint endpoint) {
        CoapClient client = new CoapClient(uri);
        client.setEndpoint(endpoint);
        return client;
    }
}
