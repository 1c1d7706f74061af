package vn.motcua.common.management;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.ServerNames;
import vn.motcua.district.CoapClients;

/** DTLS clients that behave well and badly towards a device's management port, for the session-limit tests. */
final class DtlsClients {
    private final InetSocketAddress device;
    private final String identity;
    private final byte[] key;

    DtlsClients(InetSocketAddress device, String identity, String key) {
        this.device = device;
        this.identity = identity;
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    private String uri(String path) {
        return "coaps://" + device.getHostString() + ":" + device.getPort() + path;
    }

    /** A GET as the district makes it: one session, closed with close_notify; null when nothing answered. */
    CoapResponse get(String path, long timeoutMillis) throws Exception {
        CoapEndpoint endpoint = CoapClients.dtlsEndpoint(CoapSettings.forClient(), identity, key);
        try {
            CoapClient client = CoapClients.client(uri(path), endpoint);
            client.setTimeout(timeoutMillis);
            return client.get();
        } finally {
            CoapClients.close(endpoint, device);
        }
    }

    /** A GET whose client then vanishes without close_notify (a killed motcua-ctl). */
    CoapResponse getAndVanish(String path, long timeoutMillis) throws Exception {
        CoapEndpoint endpoint = CoapClients.dtlsEndpoint(CoapSettings.forClient(), identity, key);
        try {
            CoapClient client = CoapClients.client(uri(path), endpoint);
            client.setTimeout(timeoutMillis);
            return client.get();
        } finally {
            endpoint.destroy();
        }
    }

    /**
     * A client stopped in the middle of its handshake: it gets the device's ServerHelloDone (the device now holds a
     * connection for it), then never sends its key exchange. Returns whether the handshake got that far.
     */
    boolean abandonHandshake(long timeoutMillis) throws InterruptedException {
        CountDownLatch serverDone = new CountDownLatch(1);
        DtlsConnectorConfig config = DtlsConnectorConfig.builder(CoapSettings.forClient())
                .setAddress(new InetSocketAddress(0)).setAdvancedPskStore(new StalledPskStore(identity, serverDone)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(CoapSettings.forClient())
                .setConnector(new DTLSConnector(config)).build();
        try {
            CoapClients.client(uri("/health"), endpoint).get(new CoapHandler() {
                @Override
                public void onLoad(CoapResponse response) {
                    // never answered: the handshake does not end
                }

                @Override
                public void onError() {
                    // the endpoint is destroyed below
                }
            });
            return serverDone.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            endpoint.destroy();
        }
    }

    /** A ClientHello sent from a plain socket that reads the device's answer and sends nothing more. */
    static boolean helloAndGone(InetSocketAddress device, byte[] clientHello) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(3000);
            socket.send(new DatagramPacket(clientHello, clientHello.length, device));
            DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
            try {
                socket.receive(answer);
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
    }

    /** The first datagram a Scandium client sends (its ClientHello), caught on a plain socket. */
    static byte[] recordClientHello() throws Exception {
        try (DatagramSocket catcher = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            catcher.setSoTimeout(10_000);
            CoapEndpoint endpoint = CoapClients.dtlsEndpoint(CoapSettings.forClient(), "nobody", "not-a-key-not-a-key-not-a-key-00".getBytes(StandardCharsets.UTF_8));
            try {
                CoapClients.client("coaps://127.0.0.1:" + catcher.getLocalPort() + "/health", endpoint).get(new CoapHandler() {
                    @Override
                    public void onLoad(CoapResponse response) {
                        // nobody answers on the catcher
                    }

                    @Override
                    public void onError() {
                        // the endpoint is destroyed below
                    }
                });
                DatagramPacket hello = new DatagramPacket(new byte[2048], 2048);
                catcher.receive(hello);
                return Arrays.copyOf(hello.getData(), hello.getLength());
            } finally {
                endpoint.destroy();
            }
        }
    }

    /** A PSK store that names the identity but never produces the secret, so the client stalls after ServerHelloDone. */
    private static final class StalledPskStore implements AdvancedPskStore {
        private final PskPublicInformation identity;
        private final CountDownLatch asked;

        StalledPskStore(String identity, CountDownLatch asked) {
            this.identity = new PskPublicInformation(identity);
            this.asked = asked;
        }

        @Override
        public boolean hasEcdhePskSupported() {
            return true;
        }

        @Override
        public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName, PskPublicInformation id,
                                                      String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
                                                      boolean useExtendedMasterSecret) {
            asked.countDown();
            return null;
        }

        @Override
        public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
            return identity;
        }

        @Override
        public void setResultHandler(HandshakeResultHandler resultHandler) {
            // the result never comes
        }
    }
}
