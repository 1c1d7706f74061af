package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/** MQTT over TLS to a real Mosquitto that accepts TLS 1.3 only, with a CA and server certificate made by the test. */
@Tag("slow")
class TlsMosquittoTest {
    private final Path dir = TestDirs.create("tls-");
    private MosquittoProcess broker;
    private StateStore store;
    private PahoUplink uplink;

    @AfterEach
    void tearDown() {
        if (uplink != null) {
            uplink.stop();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void the_device_connects_to_a_broker_that_only_speaks_tls_1_3() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        int port = FreePorts.tcp();
        broker = new MosquittoProcess(port, List.of(
                "cafile " + makeCertificates().resolve("ca.pem"),
                "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"),
                "tls_version tlsv1.3")).start();
        assertThatThrownBy(() -> handshake(port, "TLSv1.2")).as("the broker refuses TLS 1.2")
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(handshake(port, TlsSockets.PROTOCOLS)).isEqualTo("TLSv1.3");

        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "ssl://localhost:" + port);
        ((ObjectNode) id.get("mqtt")).put("caFile", dir.resolve("ca.pem").toString());
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
        store = StateStore.open(dir.resolve("state"));
        EventLog events = new EventLog(store, "tp-01", identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events, new DeviceInfo("ticket-printer", "1.2.3", () -> 1, () -> "{}"),
                Clock.systemUTC(),
                new HealthModel());
        events.record("device.started", Json.object());
        uplink.start();
        await().atMost(Duration.ofSeconds(30)).until(uplink::connected);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.ackedSeq() == 1);
    }

    /** The protocol a client offering {@code protocols} and trusting the test CA agrees on with the broker. */
    private String handshake(int port, String... protocols) throws Exception {
        try (SSLSocket s = (SSLSocket) TlsSockets.trusting(dir.resolve("ca.pem")).createSocket("localhost", port)) {
            s.setEnabledProtocols(protocols);
            s.startHandshake();
            return s.getSession().getProtocol();
        }
    }

    /** A CA and a server certificate for localhost signed by it, made with openssl; returns the directory. */
    private Path makeCertificates() throws Exception {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=Motcua test CA", "-keyout", "ca.key", "-out", "ca.pem");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=localhost",
                "-keyout", "server.key", "-out", "server.csr");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                "-extfile", "server.ext", "-out", "server.pem");
        // the broker drops to its own user, which must read its certificates and key
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        dir.resolve("server.key").toFile().setReadable(true, false);
        return dir;
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl " + String.join(" ", args) + ": " + out).isZero();
    }
}
