package vn.motcua.common.management;

import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/** Californium's configuration for a small device, built in memory: no Californium3.properties is written. */
public final class CoapSettings {
    static final int MAX_BODY = 1024 * 1024;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CoapSettings() {
    }

    public static Configuration forDevice() {
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, 1024);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
        c.set(CoapConfig.BLOCKWISE_STATUS_LIFETIME, 60, TimeUnit.SECONDS);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 2);
        c.set(CoapConfig.MAX_ACTIVE_PEERS, 64);
        c.set(CoapConfig.MAX_PEER_INACTIVITY_PERIOD, 10, TimeUnit.MINUTES);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        c.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 6);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 64);
        c.set(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, 30, TimeUnit.MINUTES);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        return c;
    }
}
