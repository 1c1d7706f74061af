package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.uplink.DeviceInfo;
import vn.motcua.common.uplink.PahoUplink;

/**
 * A device's uplink on its real state (SQLite store, event log, outbox) with {@code mqtt.uris} of several broker
 * nodes, recording a {@code kiosk.lookup} event at a steady pace: the device side of the failover tests.
 */
public final class StreamingDevice implements AutoCloseable {
    public static final String OFFICE = "hoang-mai/dinh-cong";

    private final String deviceId;
    private final StateStore store;
    private final EventLog events;
    private final PahoUplink uplink;
    private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "streaming-device");
        t.setDaemon(true);
        return t;
    });

    public StreamingDevice(String deviceId, List<String> uris) throws Exception {
        this.deviceId = deviceId;
        Path dir = TestDirs.create("streaming-" + deviceId + "-");
        ObjectNode id = TestIdentities.sim(deviceId, "kiosk", uris.get(0));
        ObjectNode mqtt = id.putObject("mqtt");
        uris.forEach(mqtt.putArray("uris")::add);
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
        store = StateStore.open(dir.resolve("state"));
        events = new EventLog(store, deviceId, identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events,
                new DeviceInfo("kiosk", "0.0.0-test", () -> 1, () -> "{}"), Clock.systemUTC(),
                new vn.motcua.common.health.HealthModel());
    }

    /** Starts the uplink and records one event every {@code period}. */
    public StreamingDevice start(Duration period) {
        connect();
        recorder.scheduleAtFixedRate(() -> events.record("kiosk.lookup",
                Json.object().put("what", "procedure").put("found", true)), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Starts the uplink and records nothing: an idle device. */
    public StreamingDevice connect() {
        uplink.start();
        return this;
    }

    /** Stops recording; what was recorded is still drained. */
    public void stopRecording() throws InterruptedException {
        recorder.shutdown();
        recorder.awaitTermination(10, TimeUnit.SECONDS);
    }

    public String topicFilter() {
        return "motcua/v1/" + OFFICE + "/" + deviceId + "/event/#";
    }

    public long recorded() {
        return events.lastSeq();
    }

    public long acknowledged() {
        return events.ackedSeq();
    }

    /** The node the uplink is connected to now. */
    public Optional<String> broker() {
        return uplink.broker();
    }

    /**
     * The seqs in {@code messages} (event envelopes, in arrival order) as a consumer keeps them: each eventId the first
     * time it comes, duplicates dropped.
     */
    public static List<Long> firstSeen(List<MqttRecorder.Message> messages) {
        Set<String> seen = new LinkedHashSet<>();
        List<Long> seqs = new ArrayList<>();
        for (MqttRecorder.Message m : messages) {
            if (seen.add(m.json().get("eventId").asText())) {
                seqs.add(m.json().get("seq").asLong());
            }
        }
        return seqs;
    }

    @Override
    public void close() throws InterruptedException {
        stopRecording();
        uplink.stop();
        store.close();
    }
}
