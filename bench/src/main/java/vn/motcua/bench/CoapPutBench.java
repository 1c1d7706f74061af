package vn.motcua.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import vn.motcua.common.management.CoapSettings;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;
import vn.motcua.district.CoapClients;

/**
 * PUT of a 1 MiB config, block-wise over DTLS on loopback, to a device's /config, against a plain Californium
 * block-wise PUT of the same bytes to a trivial resource behind the same DTLS settings, in the same run.
 */
public final class CoapPutBench {
    private static final String KEY = "YmVuY2gtYmVuY2gtYmVuY2gtYmVuY2gtMTI";
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Path dir = TestDirs.create("coap-bench-");
        Path psk = dir.resolve("psk");
        Files.writeString(psk, KEY);
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        int devicePort = FreePorts.udp();
        ObjectNode id = TestIdentities.sim("bench-01", "ticket-printer", "tcp://127.0.0.1:1");
        ((ObjectNode) id.get("coap")).put("port", devicePort).put("bind", "127.0.0.1").put("secure", true)
                .put("pskFile", psk.toString());
        int trivialPort = FreePorts.udp();
        CoapServer trivial = trivialServer(trivialPort);
        CoapEndpoint client = CoapClients.dtlsEndpoint(CoapSettings.forClient(), "bench-01", KEY.getBytes(StandardCharsets.UTF_8));
        try (InProcessDevice<CommonOnlyConfig> device = new InProcessDevice<>(dir, id, new TickingDevice(0)).start()) {
            double[] plain = new double[ROUNDS];
            double[] ours = new double[ROUNDS];
            for (int round = 0; round <= ROUNDS; round++) {
                String body = body(round + 1);
                double p = put(client, "coaps://127.0.0.1:" + trivialPort + "/sink", body);
                double o = put(client, "coaps://127.0.0.1:" + devicePort + "/config", body);
                if (round > 0) {
                    plain[round - 1] = p;
                    ours[round - 1] = o;
                }
            }
            double p = median(plain);
            double o = median(ours);
            System.out.println("coap_put_bytes=" + body(1).getBytes(StandardCharsets.UTF_8).length);
            System.out.println("plain_californium_dtls_blockwise_put_ms=" + Stats.fmt(p));
            System.out.println("device_config_dtls_blockwise_put_ms=" + Stats.fmt(o));
            System.out.println("coap_put_ratio_vs_plain=" + Stats.fmt(o / p));
        } finally {
            client.destroy();
            trivial.destroy();
        }
        System.exit(0);
    }

    private static double put(CoapEndpoint endpoint, String uri, String body) throws Exception {
        CoapClient c = CoapClients.client(uri, endpoint);
        c.setTimeout(60_000L);
        long t0 = System.nanoTime();
        CoapResponse r = c.put(body, MediaTypeRegistry.APPLICATION_JSON);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r == null || r.getCode() != ResponseCode.CHANGED) {
            throw new IllegalStateException("PUT " + uri + " failed: " + (r == null ? "no answer" : r.getCode() + " " + r.getResponseText()));
        }
        return ms;
    }

    private static String body(long version) {
        StringBuilder b = new StringBuilder("{\"version\":" + version + ",\"padding\":[");
        String chunk = "Thủ tục hành chính ".repeat(400);
        while (b.length() < 1_000_000) {
            b.append(b.charAt(b.length() - 1) == '[' ? "" : ",").append('"').append(chunk).append('"');
        }
        String s = b.append("]}").toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > 1_048_576) {
            s = s.substring(0, s.lastIndexOf(",\"")) + "]}";
        }
        return s;
    }

    private static CoapServer trivialServer(int port) {
        Configuration config = CoapSettings.forDevice();
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", port))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                .setAdvancedPskStore(new AdvancedSinglePskStore("bench-01", KEY.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapServer server = new CoapServer(config);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(config).setConnector(new DTLSConnector(dtls)).build());
        server.add(new CoapResource("sink") {
            @Override
            public void handlePUT(CoapExchange exchange) {
                exchange.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        return server;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
