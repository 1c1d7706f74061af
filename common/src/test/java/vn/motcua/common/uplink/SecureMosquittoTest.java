package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TestPki;

/**
 * The device against a real Mosquitto deployed as a district would: a TLS listener with certificates made by the
 * test, a password per device or client certificates as user names, and an ACL per device. A plain loopback listener
 * (same users and ACL) is the district's side, which records what reaches it.
 */
@Tag("slow")
class SecureMosquittoTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private static final String DISTRICT_ACL = "user district\ntopic readwrite motcua/#\n\n";
    private static final String DEVICE_ACL = "pattern readwrite motcua/v1/hoang-mai/dinh-cong/%u/#\n";

    private final Path dir = TestDirs.create("secure-mqtt-");
    private final HealthModel health = new HealthModel();
    private final List<String> districtEvents = new CopyOnWriteArrayList<>();
    private TestPki pki;
    private MosquittoProcess broker;
    private int tlsPort;
    private int districtPort;
    private StateStore store;
    private EventLog events;
    private PahoUplink uplink;
    private MqttAsyncClient district;

    @BeforeEach
    void tools() throws Exception {
        RealPeers.require("mosquitto is installed by ./motcua test", MosquittoProcess.available());
        RealPeers.require("openssl is installed with the JDK's build tools", TestPki.available());
        // the broker drops to its own user, which must reach the certificates, keys and password file
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        pki = new TestPki(dir.resolve("pki"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (uplink != null) {
            uplink.stop();
        }
        if (district != null && district.isConnected()) {
            district.disconnect().waitForCompletion(2000);
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void a_device_with_a_password_delivers_its_events_over_tls() throws Exception {
        startBroker(pki.goodServer(), passwords(), DISTRICT_ACL + DEVICE_ACL);
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.ackedSeq() == 3);
        assertThat(districtSeqs()).contains(1L, 2L, 3L);
        assertThat(health.status(MqttHealth.COMPONENT)).as("nothing went wrong").isNull();
    }

    @Test
    void a_device_with_a_client_certificate_is_its_own_user_name() throws Exception {
        Path cert = pki.client("tp-01", "rsa");
        List<String> auth = new ArrayList<>(List.of("require_certificate true", "use_identity_as_username true",
                "cafile " + pki.caCertificate("ca")));
        auth.addAll(passwords());
        startBroker(pki.goodServer(), auth, DISTRICT_ACL + DEVICE_ACL);
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "ssl://localhost:" + tlsPort);
        ((ObjectNode) id.get("mqtt")).put("caFile", pki.caCertificate("ca").toString())
                .put("certFile", cert.toString()).put("keyFile", pki.privateKey("tp-01").toString());
        startDevice(id);
        record(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.ackedSeq() == 2);
        assertThat(districtSeqs()).contains(1L, 2L);
    }

    @Test
    void a_device_without_the_certificate_the_broker_asks_for_is_told() throws Exception {
        List<String> auth = new ArrayList<>(List.of("require_certificate true", "use_identity_as_username true",
                "cafile " + pki.caCertificate("ca")));
        auth.addAll(passwords());
        startBroker(pki.goodServer(), auth, DISTRICT_ACL + DEVICE_ACL);
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> wire().equals("fault:mqtt-tls:client-certificate-refused"));
        assertThat(events.ackedSeq()).isZero();
    }

    @Test
    void a_certificate_of_another_ca_is_untrusted() throws Exception {
        Path other = pki.server("other-server", "other-ca", "20200101000000Z", "20991231000000Z",
                "DNS:localhost,IP:127.0.0.1");
        expectTlsFault(other, "fault:mqtt-tls:untrusted");
    }

    @Test
    void an_expired_certificate_is_refused() throws Exception {
        Path expired = pki.server("expired-server", "ca", "20200101000000Z", "20200201000000Z",
                "DNS:localhost,IP:127.0.0.1");
        expectTlsFault(expired, "fault:mqtt-tls:expired");
    }

    @Test
    void a_certificate_for_another_name_is_refused() throws Exception {
        Path wrongName = pki.server("wrong-name", "ca", "20200101000000Z", "20991231000000Z", "DNS:mqtt.example.org");
        expectTlsFault(wrongName, "fault:mqtt-tls:name-mismatch");
    }

    @Test
    void events_the_acl_refuses_stay_in_the_outbox_until_the_acl_is_fixed_and_the_broker_restarted() throws Exception {
        // the state and telemetry may be written, the events only read: Mosquitto 2.0.11 acknowledges a denied event,
        // drops it and closes the connection
        startBroker(pki.goodServer(), passwords(), DISTRICT_ACL
                + "pattern readwrite motcua/v1/hoang-mai/dinh-cong/%u/state\n"
                + "pattern write motcua/v1/hoang-mai/dinh-cong/%u/telemetry\n"
                + "pattern read motcua/v1/hoang-mai/dinh-cong/%u/event/#\n");
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(3);
        await().atMost(Duration.ofSeconds(60)).until(() -> wire().equals("fault:broker-acl:" + ROOT + "/event/ticket/issued"));
        record(2);
        assertThat(events.ackedSeq()).isZero();
        assertThat(events.outboxStatus().depth()).as("telemetry's outboxDepth").isEqualTo(5);
        assertThat(districtSeqs()).isEmpty();

        Files.writeString(broker.dir().resolve("acl"), DISTRICT_ACL + DEVICE_ACL);
        broker.stop();
        broker.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> events.ackedSeq() == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> districtSeqs().containsAll(List.of(1L, 2L, 3L, 4L, 5L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> wire().equals("ok"));
    }

    @Test
    void an_acl_that_denies_everything_keeps_every_event_and_recovers_after_a_reload() throws Exception {
        startBroker(pki.goodServer(), passwords(), DISTRICT_ACL);
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(2);
        // Mosquitto 2.0.11 acknowledges the denied birth and closes the connection: the device connects again with
        // backoff, and its birth never comes back
        await().atMost(Duration.ofSeconds(60)).until(() -> wire().startsWith("fault:broker-acl:" + ROOT + "/"));
        assertThat(events.ackedSeq()).isZero();

        Files.writeString(broker.dir().resolve("acl"), DISTRICT_ACL + DEVICE_ACL);
        broker.reload();
        await().atMost(Duration.ofSeconds(120)).until(() -> events.ackedSeq() == 2);
        assertThat(districtSeqs()).contains(1L, 2L);
        await().atMost(Duration.ofSeconds(30)).until(() -> wire().equals("ok"));
    }

    @Test
    void a_device_that_may_write_but_not_read_its_topics_is_told_and_keeps_its_events() throws Exception {
        startBroker(pki.goodServer(), passwords(), DISTRICT_ACL + "pattern write motcua/v1/hoang-mai/dinh-cong/%u/#\n");
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> wire().startsWith("fault:broker-acl:" + ROOT + "/"));
        // the district got it, but the device cannot see that: it keeps it and sends it again (a duplicate by eventId)
        assertThat(districtSeqs()).contains(1L);
        assertThat(events.ackedSeq()).isZero();
    }

    private void expectTlsFault(Path serverCert, String fault) throws Exception {
        startBroker(serverCert, passwords(), DISTRICT_ACL + DEVICE_ACL);
        startDevice(passwordIdentity(pki.caCertificate("ca")));
        record(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> wire().equals(fault));
        // it keeps trying with backoff, never connects, keeps the event
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !uplink.connected());
        assertThat(events.ackedSeq()).isZero();
        assertThat(wire()).isEqualTo(fault);
    }

    private String wire() {
        ComponentStatus s = health.status(MqttHealth.COMPONENT);
        return s == null ? "" : s.wire();
    }

    private void record(int n) {
        for (int i = 0; i < n; i++) {
            events.record("ticket.issued", Json.object().put("ticket", "A00" + i));
        }
    }

    private List<Long> districtSeqs() throws Exception {
        List<Long> seqs = new ArrayList<>();
        for (String payload : districtEvents) {
            seqs.add(Json.parse(payload).path("seq").asLong());
        }
        return seqs;
    }

    /** The password file: the device tp-01 and the district's consumer. */
    private List<String> passwords() throws Exception {
        Path file = dir.resolve("pki").resolve("passwords");
        passwd("-c", "-b", file.toString(), "tp-01", "device-secret");
        passwd("-b", file.toString(), "district", "district-secret");
        file.toFile().setReadable(true, false);
        return List.of("password_file " + file);
    }

    private static void passwd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mosquitto_passwd"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("mosquitto_passwd: " + out).isTrue();
    }

    private void startBroker(Path serverCert, List<String> auth, String acl) throws Exception {
        tlsPort = FreePorts.tcp();
        districtPort = FreePorts.tcp();
        List<String> config = new ArrayList<>(List.of(
                "allow_anonymous false",
                "use_username_as_clientid true",
                "acl_file " + dir.resolve("acl-placeholder"),
                "certfile " + serverCert,
                "keyfile " + serverCert.resolveSibling(serverCert.getFileName().toString().replace(".pem", ".key")),
                "tls_version tlsv1.2"));
        config.addAll(auth);
        config.add("listener " + districtPort + " 127.0.0.1");
        broker = new MosquittoProcess(tlsPort, config);
        Path aclFile = broker.dir().resolve("acl");
        Files.writeString(aclFile, acl);
        Files.setPosixFilePermissions(aclFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path conf = broker.dir().resolve("mosquitto.conf");
        Files.writeString(conf, Files.readString(conf).replace(dir.resolve("acl-placeholder").toString(), aclFile.toString()));
        broker.start();
        connectDistrict();
    }

    private void connectDistrict() throws Exception {
        district = new MqttAsyncClient("tcp://127.0.0.1:" + districtPort, "district-" + System.nanoTime(),
                new MemoryPersistence());
        district.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // a restarted broker: the test connects again when it needs to
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                districtEvents.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // the district publishes nothing here
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName("district");
        o.setPassword("district-secret".toCharArray());
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        district.connect(o).waitForCompletion(10_000);
        district.subscribe(ROOT + "/event/#", 1).waitForCompletion(10_000);
    }

    private ObjectNode passwordIdentity(Path ca) throws Exception {
        Path secret = dir.resolve("mqtt-password");
        Files.writeString(secret, "device-secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "ssl://localhost:" + tlsPort);
        ((ObjectNode) id.get("mqtt")).put("caFile", ca.toString()).put("username", "tp-01")
                .put("passwordFile", secret.toString());
        return id;
    }

    private void startDevice(ObjectNode id) throws Exception {
        Identity identity = IdentityLoader.load(TestIdentities.write(dir.resolve("device"), id));
        store = StateStore.open(dir.resolve("state"));
        events = new EventLog(store, "tp-01", identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events, new DeviceInfo("ticket-printer", "1.2.3", () -> 1, () -> "{}"),
                Clock.systemUTC(), health);
        uplink.start();
    }
}
