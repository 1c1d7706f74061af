package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;

/** kill -9 at random moments and broker outages: every recorded event arrives, gapless, in seq order. */
@Tag("slow")
class CrashAndOutageTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private final Path dir = TestDirs.create("crash-");
    private final Random random = new Random(20261123);
    private Path identity;
    private Path state;
    private Path log;

    @BeforeEach
    void needsMosquitto() {
        assumeTrue(MosquittoProcess.available(), "mosquitto is installed by ./motcua test");
    }

    private int starts;

    /** Starts the device and returns once it runs (JVM start-up on a busy machine can take seconds). */
    private DeviceProcess startDevice() throws Exception {
        DeviceProcess device = DeviceProcess.start(TickingDevice.class.getName(), identity, state, log);
        starts++;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runningLines() < starts) {
            if (System.nanoTime() > deadline || !device.alive()) {
                throw new AssertionError("device start " + starts + " did not reach running; see " + log);
            }
            Thread.sleep(50);
        }
        return device;
    }

    private long runningLines() throws java.io.IOException {
        if (!java.nio.file.Files.exists(log)) {
            return 0;
        }
        try (var lines = java.nio.file.Files.lines(log)) {
            return lines.filter(l -> l.contains(" running; MQTT ")).count();
        }
    }

    @Test
    void every_event_arrives_in_order_after_repeated_kill_9() throws Exception {
        try (MosquittoProcess broker = new MosquittoProcess().start();
             MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", true)) {
            givenIdentity(broker.uri());
            for (int i = 0; i < 5; i++) {
                DeviceProcess device = startDevice();
                Thread.sleep(700 + random.nextInt(1500));
                device.kill9();
            }
            DeviceProcess last = startDevice();
            Thread.sleep(1500);
            assertThat(last.terminate()).as("SIGTERM exits 0").isZero();
            assertAllEventsArrived(rec, 6);
            JsonNode finalState = rec.matching(m -> m.topic().equals(ROOT + "/state")).stream()
                    .reduce((a, b) -> b).orElseThrow().json();
            assertThat(finalState.get("reason").asText()).isEqualTo("shutdown");
        }
    }

    @Test
    void events_recorded_while_the_broker_is_down_arrive_after_restarts_and_kills() throws Exception {
        MosquittoProcess broker = new MosquittoProcess().start();
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", true)) {
            givenIdentity(broker.uri());
            DeviceProcess device = startDevice();
            Thread.sleep(1500);
            broker.stop();
            Thread.sleep(800);
            device.kill9();
            device = startDevice();
            Thread.sleep(1500);
            device.kill9();
            device = startDevice();
            Thread.sleep(1000);
            broker.start();
            Thread.sleep(3000);
            assertThat(device.terminate()).isZero();
            assertAllEventsArrived(rec, 3);
            List<JsonNode> wills = rec.matching(m -> m.topic().equals(ROOT + "/state")).stream()
                    .map(MqttRecorder.Message::json).toList();
            assertThat(wills).extracting(n -> n.get("session").asLong()).isSorted();
        } finally {
            broker.stop();
        }
    }

    private void givenIdentity(String brokerUri) {
        identity = TestIdentities.write(dir, TestIdentities.sim("tp-01", "ticket-printer", brokerUri));
        state = dir.resolve("state");
        log = dir.resolve("device.log");
    }

    private void assertAllEventsArrived(MqttRecorder rec, int starts) throws Exception {
        long lastSeq;
        try (StateStore store = StateStore.open(state)) {
            lastSeq = new EventLog(store, "tp-01", java.time.ZoneOffset.UTC, java.time.Clock.systemUTC()).lastSeq();
        }
        assertThat(lastSeq).isGreaterThan(50);
        Map<Long, JsonNode> firstSeen = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (firstSeen.size() < lastSeq && System.nanoTime() < deadline) {
            firstSeen.clear();
            for (MqttRecorder.Message m : rec.matching(m -> m.topic().startsWith(ROOT + "/event/"))) {
                JsonNode e = m.json();
                firstSeen.putIfAbsent(e.get("seq").asLong(), e);
            }
            Thread.sleep(200);
        }
        List<Long> order = new ArrayList<>(firstSeen.keySet());
        assertThat(order).as("every recorded event arrived").hasSize((int) lastSeq);
        assertThat(order).as("in seq order").isSorted();
        assertThat(order.get(0)).isEqualTo(1);
        assertThat(order.get(order.size() - 1)).isEqualTo(lastSeq);
        for (JsonNode e : firstSeen.values()) {
            assertThat(e.get("eventId").asText()).isEqualTo("tp-01:" + e.get("seq").asLong());
        }
        List<String> previousStops = firstSeen.values().stream()
                .filter(e -> e.get("type").asText().equals("device.started"))
                .map(e -> e.get("data").get("previousStop").asText()).toList();
        assertThat(previousStops).hasSize(starts);
        assertThat(previousStops.get(0)).isEqualTo("first-boot");
        assertThat(previousStops.subList(1, starts)).containsOnly("crash");
    }
}
