package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The rating pad's jar as systemd runs it (-Xmx96m, exit on OutOfMemoryError) while a 100 MB retained message sits on
 * its serving topic: it stays up, connected and rating (Paho alone allocated the whole message: a crash loop).
 */
@Tag("slow")
class RatingPadOversizedMessageTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "device-rating-pad.jar");
    private final Path dir = TestDirs.create("rating-oversized-");
    private DeviceProcess device;

    @AfterEach
    void stop() throws Exception {
        if (device != null && device.alive()) {
            device.kill9();
        }
        Files.deleteIfExists(dir.resolve("big.bin"));
    }

    @Test
    void a_100_mb_retained_serving_message_neither_crashes_the_pad_nor_keeps_it_from_rating() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        assertThat(JAR).as("the jar, made by `mvn package` before the slow tests").exists();
        int coapPort = FreePorts.udp();
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024);
        }
        try (MosquittoProcess broker = new MosquittoProcess(FreePorts.tcp(), List.of("persistence false")).start();
             MqttRecorder district = new MqttRecorder(broker.uri(), PadFixture.OFFICE_TOPIC + "/" + PadFixture.DEVICE + "/#", true);
             SimPadClient sim = new SimPadClient(coapPort)) {
            broker.publishFile(PadFixture.SERVING_TOPIC, big, true);
            Path log = dir.resolve("device.log");
            device = DeviceProcess.startJar(JAR, PadFixture.identity(dir, broker.uri(), coapPort), dir.resolve("state"), log,
                    "-Xmx96m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");

            await().atMost(START).until(() -> Files.readString(log).contains("refused an MQTT message"));
            district.await(m -> m.topic().endsWith("/state") && m.json().path("status").asText().equals("online"), 1, START);
            PadFixture.serve(district, "A012");
            await().atMost(START).ignoreExceptions()
                    .untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A012"));
            sim.press("very-satisfied");
            await().atMost(START).until(() -> PadFixture.ratings(district).size() == 1);

            assertThat(device.alive()).as("the pad is still running").isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            assertThat(device.terminate()).as("SIGTERM exits 0").isZero();
        }
    }
}
