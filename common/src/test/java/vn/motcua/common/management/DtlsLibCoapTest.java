package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.LibCoap;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;
import vn.motcua.district.CoapClients;

/** coaps with the device's PSK, checked with libcoap's client as a foreign peer and with Californium's. */
@Tag("slow")
class DtlsLibCoapTest {
    private static final String KEY = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi";
    private final Path dir = TestDirs.create("dtls-");
    private final int port = FreePorts.udp();
    private InProcessDevice<CommonOnlyConfig> device;

    @BeforeEach
    void givenASecureDevice() throws Exception {
        RealPeers.require("libcoap3-bin (coap-client-openssl)", LibCoap.available());
        Path psk = dir.resolve("psk");
        Files.writeString(psk, KEY + "\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1");
        ((ObjectNode) id.get("coap")).put("port", port).put("bind", "127.0.0.1").put("secure", true)
                .put("pskIdentity", "tp-01").put("pskFile", psk.toString());
        device = new InProcessDevice<>(dir, id, new TickingDevice(0)).start();
    }

    @AfterEach
    void stop() {
        if (device != null) {
            device.close();
        }
    }

    private String coaps(String path) {
        return "coaps://127.0.0.1:" + port + path;
    }

    @Test
    void the_right_psk_is_answered() throws Exception {
        LibCoap.Result r = LibCoap.run(15, "-B", "10", "-u", "tp-01", "-k", KEY, "-m", "get", coaps("/config"));
        assertThat(r.out()).contains("\"version\":0");
    }

    @Test
    void more_libcoap_sessions_in_a_row_than_the_device_keeps_are_all_answered() throws Exception {
        long start = System.nanoTime();
        int sessions = CoapSettings.DTLS_MAX_CONNECTIONS + 72;
        for (int i = 0; i < sessions; i++) {
            LibCoap.Result r = LibCoap.run(15, "-B", "10", "-u", "tp-01", "-k", KEY, "-m", "get", coaps("/health"));
            assertThat(r.out()).as("session " + (i + 1) + ": " + r.out()).contains("\"status\"");
        }
        System.out.printf("%d coap-client-openssl sessions in %d s%n", sessions, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        CoapEndpoint district = CoapClients.dtlsEndpoint(CoapSettings.forClient(), "tp-01", KEY.getBytes(StandardCharsets.UTF_8));
        try {
            CoapClient client = CoapClients.client(coaps("/health"), district);
            client.setTimeout(10_000L);
            assertThat(client.get()).isNotNull();
        } finally {
            CoapClients.close(district, new InetSocketAddress("127.0.0.1", port));
        }
    }

    @Test
    void a_wrong_psk_gets_no_answer() throws Exception {
        LibCoap.Result r = LibCoap.run(15, "-B", "4", "-u", "tp-01", "-k", "wrong-key-wrong-key-wrong-key-00", "-m", "get",
                coaps("/config"));
        assertThat(r.out()).doesNotContain("version");
    }

    @Test
    void plain_coap_to_the_secure_port_gets_no_answer() throws Exception {
        LibCoap.Result r = LibCoap.run(15, "-B", "4", "-m", "get", "coap://127.0.0.1:" + port + "/config");
        assertThat(r.out()).doesNotContain("version");
    }

    @Test
    void a_block_wise_put_over_dtls_is_applied() throws Exception {
        Path body = dir.resolve("config.json");
        StringBuilder b = new StringBuilder("{\"version\":1,\"officeName\":\"Phường Định Công\",\"padding\":[");
        for (int i = 0; i < 60; i++) {
            b.append(i == 0 ? "" : ",").append('"').append("z".repeat(1000)).append('"');
        }
        Files.writeString(body, b.append("]}").toString(), StandardCharsets.UTF_8);
        LibCoap.Result put = LibCoap.run(30, "-B", "20", "-u", "tp-01", "-k", KEY, "-m", "put", "-b", "1024",
                "-t", "application/json", "-f", body.toString(), coaps("/config"));
        assertThat(put.exit()).as(put.out()).isZero();
        LibCoap.Result get = LibCoap.run(20, "-B", "15", "-u", "tp-01", "-k", KEY, "-m", "get", "-b", "1024", coaps("/config"));
        assertThat(get.out()).contains("Phường Định Công");
        assertThat(device.runtime().configs().version()).isEqualTo(1);
    }

    @Test
    void observe_on_telemetry_notifies_every_interval() throws Exception {
        LibCoap.Result put = LibCoap.run(15, "-B", "10", "-u", "tp-01", "-k", KEY, "-m", "put", "-e",
                "{\"version\":1,\"telemetryIntervalSeconds\":10}", coaps("/config"));
        assertThat(put.exit()).as(put.out()).isZero();
        LibCoap.Result observed = LibCoap.run(40, "-B", "25", "-s", "23", "-u", "tp-01", "-k", KEY, "-m", "get",
                coaps("/telemetry"));
        long notifications = observed.out().split("\"uptimeSeconds\"", -1).length - 1L;
        assertThat(notifications).as(observed.out()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void californium_clients_need_the_key_too() throws Exception {
        CoapEndpoint good = CoapClients.dtlsEndpoint(CoapSettings.forClient(), "tp-01", KEY.getBytes(StandardCharsets.UTF_8));
        CoapEndpoint bad = CoapClients.dtlsEndpoint(CoapSettings.forClient(), "tp-01", "not-the-key-not-the-key-not-the-k".getBytes(StandardCharsets.UTF_8));
        try {
            CoapClient ok = CoapClients.client(coaps("/health"), good);
            ok.setTimeout(10_000L);
            CoapResponse r = ok.get();
            assertThat(r).isNotNull();
            assertThat(r.getResponseText()).contains("\"status\"");
            CoapClient wrong = CoapClients.client(coaps("/health"), bad);
            wrong.setTimeout(4_000L);
            assertThat(wrong.get()).isNull();
        } finally {
            good.destroy();
            bad.destroy();
        }
    }
}
