package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.rating.support.PadFixture;
import vn.motcua.rating.support.SimPadClient;

/** kill -9 of the pad's JVM right after a rating: the rating is delivered, and the ticket stays rated. */
@Tag("slow")
class RatingPadCrashTest {
    private static final Duration START = Duration.ofSeconds(60);
    private final Path dir = TestDirs.create("rating-crash-");

    @BeforeEach
    void needsMosquitto() {
        RealPeers.require("mosquitto", MosquittoProcess.available());
    }

    @Test
    void a_rating_survives_kill_9_and_its_ticket_cannot_be_rated_again() throws Exception {
        int coapPort = FreePorts.udp();
        try (MosquittoProcess broker = new MosquittoProcess().start();
             MqttRecorder district = new MqttRecorder(broker.uri(), PadFixture.OFFICE_TOPIC + "/#", true);
             SimPadClient sim = new SimPadClient(coapPort)) {
            Path identity = PadFixture.identity(dir, broker.uri(), coapPort);
            Path state = dir.resolve("state");
            Path log = dir.resolve("device.log");
            PadFixture.serve(district, "A015");
            DeviceProcess device = DeviceProcess.start(RatingPadMain.class.getName(), identity, state, log);
            await().atMost(START).ignoreExceptions()
                    .untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A015"));

            sim.press("very-satisfied");
            await().atMost(START).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(sim.display()).contains("Cảm ơn quý khách!"));
            device.kill9();

            device = DeviceProcess.start(RatingPadMain.class.getName(), identity, state, log);
            await().atMost(START).until(() -> PadFixture.ratings(district).size() == 1);
            assertThat(PadFixture.ratings(district).get(0).get("ticket").asText()).isEqualTo("A015");
            await().atMost(START).ignoreExceptions()
                    .untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A015"));
            assertThat(sim.leds().get("very-satisfied").asText()).as("A015 is already rated").isEqualTo("off");

            sim.press("satisfied");
            await().atMost(START).until(() -> sim.telemetry().get("ignoredPresses").asLong() == 1);
            assertThat(PadFixture.ratings(district)).as("no second rating of A015").hasSize(1);
            assertThat(device.terminate()).as("SIGTERM exits 0").isZero();
        }
    }
}
