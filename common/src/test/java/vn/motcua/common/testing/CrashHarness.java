package vn.motcua.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.state.StateStore;

/** Starts a ticking device in child JVMs again and again, and checks that every recorded event arrived in order. */
public final class CrashHarness {
    public static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private final Path identity;
    private final Path state;
    private final Path log;
    private int starts;

    public CrashHarness(Path dir, String brokerUri) {
        identity = TestIdentities.write(dir, TestIdentities.sim("tp-01", "ticket-printer", brokerUri));
        state = dir.resolve("state");
        log = dir.resolve("device.log");
    }

    /** Starts the device and returns once it runs (JVM start-up on a busy machine can take seconds). */
    public DeviceProcess start() throws Exception {
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

    public int starts() {
        return starts;
    }

    private long runningLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" running; MQTT ")).count();
        }
    }

    /**
     * Waits until the broker delivered one {@code device.started} per start: the outbox drains in seq order, so every
     * event recorded before the last start (also those recorded while the broker was down) has arrived too.
     */
    public void awaitEveryStartArrived(MqttRecorder rec, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (startedSeqs(rec) < starts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(startedSeqs(rec) + " of " + starts + " device.started events arrived within "
                        + within + "; see " + log);
            }
            Thread.sleep(100);
        }
    }

    private static long startedSeqs(MqttRecorder rec) {
        return rec.matching(m -> m.topic().startsWith(ROOT + "/event/")).stream().map(MqttRecorder.Message::json)
                .filter(e -> e.path("type").asText().equals("device.started"))
                .map(e -> e.path("seq").asLong()).distinct().count();
    }

    /** Every event in the device's log arrived on the broker, first copies in seq order, one device.started per start. */
    public void assertAllEventsArrived(MqttRecorder rec) throws Exception {
        long lastSeq;
        String stateId;
        try (StateStore store = StateStore.open(state)) {
            EventLog log = new EventLog(store, "tp-01", java.time.ZoneOffset.UTC, java.time.Clock.systemUTC());
            lastSeq = log.lastSeq();
            stateId = log.stateId();
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
            assertThat(e.get("eventId").asText()).isEqualTo("tp-01:" + stateId + ":" + e.get("seq").asLong());
        }
        List<String> previousStops = firstSeen.values().stream()
                .filter(e -> e.get("type").asText().equals("device.started"))
                .map(e -> e.get("data").get("previousStop").asText()).toList();
        assertThat(previousStops).hasSize(starts);
        assertThat(previousStops.get(0)).isEqualTo("first-boot");
        assertThat(previousStops.subList(1, starts)).containsOnly("crash");
    }
}
