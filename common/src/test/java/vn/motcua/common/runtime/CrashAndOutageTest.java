package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.CrashHarness;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;

/** kill -9 at random moments and broker outages: every recorded event arrives, gapless, in seq order. */
@Tag("slow")
class CrashAndOutageTest {
    private static final String ROOT = CrashHarness.ROOT;
    private final Path dir = TestDirs.create("crash-");
    private final Random random = new Random(20261123);

    @BeforeEach
    void needsMosquitto() {
        RealPeers.require("mosquitto", MosquittoProcess.available());
    }

    @Test
    void every_event_arrives_in_order_after_repeated_kill_9() throws Exception {
        try (MosquittoProcess broker = new MosquittoProcess().start();
             MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", true)) {
            CrashHarness harness = new CrashHarness(dir, broker.uri());
            for (int i = 0; i < 5; i++) {
                DeviceProcess device = harness.start();
                Thread.sleep(700 + random.nextInt(1500));
                device.kill9();
            }
            DeviceProcess last = harness.start();
            Thread.sleep(1500);
            assertThat(last.terminate()).as("SIGTERM exits 0").isZero();
            harness.assertAllEventsArrived(rec);
            JsonNode finalState = rec.matching(m -> m.topic().equals(ROOT + "/state")).stream()
                    .reduce((a, b) -> b).orElseThrow().json();
            assertThat(finalState.get("reason").asText()).isEqualTo("shutdown");
        }
    }

    @Test
    void events_recorded_while_the_broker_is_down_arrive_after_restarts_and_kills() throws Exception {
        MosquittoProcess broker = new MosquittoProcess().start();
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", true)) {
            CrashHarness harness = new CrashHarness(dir, broker.uri());
            DeviceProcess device = harness.start();
            Thread.sleep(1500);
            broker.stop();
            Thread.sleep(800);
            device.kill9();
            device = harness.start();
            Thread.sleep(1500);
            device.kill9();
            device = harness.start();
            Thread.sleep(1000);
            broker.start();
            harness.awaitEveryStartArrived(rec, Duration.ofSeconds(60));
            assertThat(device.terminate()).isZero();
            harness.assertAllEventsArrived(rec);
            List<JsonNode> states = rec.matching(m -> m.topic().equals(ROOT + "/state")).stream()
                    .map(MqttRecorder.Message::json).toList();
            assertThat(states).extracting(n -> n.get("session").asLong()).isSorted();
        } finally {
            broker.stop();
        }
    }
}
