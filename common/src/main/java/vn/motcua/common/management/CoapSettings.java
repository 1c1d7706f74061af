package vn.motcua.common.management;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;

/**
 * Californium's configuration for a small device, built in memory: no Californium3.properties is written.
 * The DTLS limits keep the management port reachable for the district: a handful of sessions at a time, abandoned
 * ones give way to new ones after {@link #DTLS_STALE_AFTER}, unfinished handshakes end after about 15 s.
 */
public final class CoapSettings {
    static final int MAX_BODY = 1024 * 1024;
    /**
     * DTLS connections a device keeps, established or in handshake: a few district clients plus room for abandoned
     * ones and LAN noise. Californium also refuses new handshakes while this many are unfinished and recent.
     */
    public static final int DTLS_MAX_CONNECTIONS = 128;
    /** A connection quiet this long is evicted, least recently used first, when a new one finds the store full. */
    public static final Duration DTLS_STALE_AFTER = Duration.ofSeconds(60);
    /**
     * Requests remembered per peer to answer its retransmissions (Californium's PEERS_MARK_AND_SWEEP deduplicator).
     * The stock one keeps every exchange for EXCHANGE_LIFETIME (247 s): the blocks of one 60 MB upload alone then
     * fill a 96 MB heap. A client sends one request at a time (NSTART 1), so a few per peer are plenty.
     */
    public static final int DEDUPLICATED_PER_PEER = 16;
    /** PSK suites offered and accepted: AEAD only (CCM_8, CCM, GCM), the plain PSK ones that OpenSSL peers have first. */
    public static final List<CipherSuite> PSK_SUITES = List.of(
            CipherSuite.TLS_PSK_WITH_AES_128_CCM_8,
            CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_CCM,
            CipherSuite.TLS_PSK_WITH_AES_256_CCM_8,
            CipherSuite.TLS_PSK_WITH_AES_256_GCM_SHA378,
            CipherSuite.TLS_PSK_WITH_AES_256_CCM,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_CCM_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA378);

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private CoapSettings() {
    }

    /** The device's (server) configuration. */
    public static Configuration forDevice() {
        Configuration c = common();
        c.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        return c;
    }

    /** A management client's configuration: the same limits and suites, client role. */
    public static Configuration forClient() {
        Configuration c = common();
        c.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        return c;
    }

    /**
     * A client that sends Block1 requests itself (motcua-ctl update, to show progress and never hold a bundle in
     * memory): Californium's transparent block-wise handling is off, so every answer, 2.31 included, reaches it.
     */
    public static Configuration forBlockSender() {
        Configuration c = forClient();
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 0);
        return c;
    }

    private static Configuration common() {
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, 1024);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, 1024);
        c.set(CoapConfig.BLOCKWISE_STATUS_LIFETIME, 60, TimeUnit.SECONDS);
        c.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 2);
        c.set(CoapConfig.MAX_ACTIVE_PEERS, 64);
        c.set(CoapConfig.MAX_PEER_INACTIVITY_PERIOD, 10, TimeUnit.MINUTES);
        c.set(CoapConfig.DEDUPLICATOR, CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP);
        c.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, DEDUPLICATED_PER_PEER);
        c.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        c.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 6);
        c.set(DtlsConfig.DTLS_MAX_CONNECTIONS, DTLS_MAX_CONNECTIONS);
        c.set(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, DTLS_STALE_AFTER.toSeconds(), TimeUnit.SECONDS);
        // a flight is sent 4 times (after 1, 2, 4 and 8 s), then the handshake is given up and its slot freed
        c.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1, TimeUnit.SECONDS);
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSION_TIMEOUT, 8, TimeUnit.SECONDS);
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 3);
        // a ClientHello without the cookie of a HelloVerifyRequest gets no state at all
        c.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST, true);
        c.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST_FOR_PSK, true);
        // queues sized for a 96 MB heap, not Californium's cloud defaults (50,000 jobs)
        c.set(DtlsConfig.DTLS_MAX_PENDING_INBOUND_JOBS, 256);
        c.set(DtlsConfig.DTLS_MAX_PENDING_OUTBOUND_JOBS, 256);
        c.set(DtlsConfig.DTLS_MAX_PENDING_HANDSHAKE_RESULT_JOBS, 64);
        c.set(DtlsConfig.DTLS_MAX_DEFERRED_OUTBOUND_APPLICATION_MESSAGES, 4);
        c.set(DtlsConfig.DTLS_MAX_DEFERRED_INBOUND_RECORDS_SIZE, 4096);
        c.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        c.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, true);
        c.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, PSK_SUITES.toArray(new CipherSuite[0]));
        return c;
    }
}
