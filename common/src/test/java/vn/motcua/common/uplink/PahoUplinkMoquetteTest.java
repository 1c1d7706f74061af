package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

class PahoUplinkMoquetteTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private final int port = FreePorts.tcp();
    private final MoquetteBroker broker = new MoquetteBroker(port);
    private final Path dir = TestDirs.create("uplink-");
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
        broker.stop();
    }

    private final java.util.concurrent.atomic.AtomicLong configVersion = new java.util.concurrent.atomic.AtomicLong(7);

    private EventLog givenADevice() throws Exception {
        Identity identity = IdentityLoader.load(TestIdentities.write(dir,
                TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + port)));
        store = StateStore.open(dir.resolve("state"));
        EventLog events = new EventLog(store, "tp-01", identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events,
                new DeviceInfo("ticket-printer", "1.2.3", configVersion::get, () -> "{\"outboxDepth\":0}"), Clock.systemUTC(),
                new HealthModel());
        return events;
    }

    @Test
    void publishes_birth_telemetry_and_events_once_connected() throws Exception {
        broker.start();
        EventLog events = givenADevice();
        events.record("device.started", Json.object().put("previousStop", "first-boot"));
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", false)) {
            uplink.start();
            JsonNode birth = rec.await(m -> m.topic().equals(ROOT + "/state"), 1, Duration.ofSeconds(10)).get(0).json();
            assertThat(birth.get("status").asText()).isEqualTo("online");
            assertThat(birth.get("kind").asText()).isEqualTo("ticket-printer");
            assertThat(birth.get("version").asText()).isEqualTo("1.2.3");
            assertThat(birth.get("configVersion").asLong()).isEqualTo(7);
            assertThat(birth.get("session").isIntegralNumber()).isTrue();
            assertThat(birth.get("ts").asText()).endsWith("+07:00");
            rec.await(m -> m.topic().equals(ROOT + "/telemetry"), 1, Duration.ofSeconds(5));
            JsonNode event = rec.await(m -> m.topic().equals(ROOT + "/event/device/started"), 1, Duration.ofSeconds(5))
                    .get(0).json();
            assertThat(event.get("eventId").asText()).isEqualTo("tp-01:" + events.stateId() + ":1");
            assertThat(birth.get("stateId").asText()).isEqualTo(events.stateId());
            await().atMost(Duration.ofSeconds(5)).until(() -> events.ackedSeq() == 1);
        }
    }

    @Test
    void a_new_config_republishes_the_retained_online_state_with_its_version() throws Exception {
        broker.start();
        givenADevice();
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/state", false)) {
            uplink.start();
            rec.await(m -> m.json().path("configVersion").asLong() == 7, 1, Duration.ofSeconds(10));
            configVersion.set(8);
            uplink.refreshState();
            JsonNode state = rec.await(m -> m.json().path("configVersion").asLong() == 8, 1, Duration.ofSeconds(10))
                    .get(0).json();
            assertThat(state.get("status").asText()).isEqualTo("online");
            assertThat(state.get("session").asLong()).isEqualTo(uplink.session());
        }
    }

    @Test
    void connects_when_the_broker_appears_after_a_failed_first_connect() throws Exception {
        EventLog events = givenADevice();
        uplink.start();
        Thread.sleep(1500);
        assertThat(uplink.connected()).isFalse();
        events.record("while.down", Json.object());
        broker.start();
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/event/#", false)) {
            await().atMost(Duration.ofSeconds(30)).until(uplink::connected);
            rec.await(m -> m.topic().endsWith("/event/while/down"), 1, Duration.ofSeconds(10));
        }
    }

    @Test
    void resubscribes_after_the_broker_restarts_and_the_session_grows() throws Exception {
        broker.start();
        givenADevice();
        List<String> received = new CopyOnWriteArrayList<>();
        uplink.subscribe("motcua/v1/hoang-mai/dinh-cong/serving/+", m -> received.add(m.text()));
        uplink.start();
        await().atMost(Duration.ofSeconds(10)).until(uplink::connected);
        long firstSession = uplink.session();
        broker.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !uplink.connected());
        broker.start();
        await().atMost(Duration.ofSeconds(60)).until(uplink::connected);
        assertThat(uplink.session()).isGreaterThan(firstSession);
        try (MqttRecorder pub = new MqttRecorder(broker.uri(), "unused/#", false)) {
            pub.publish("motcua/v1/hoang-mai/dinh-cong/serving/5", "{\"counter\":5,\"ticket\":\"A012\"}", true);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("{\"counter\":5,\"ticket\":\"A012\"}"));
    }
}
