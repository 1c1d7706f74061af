package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/** A real Mosquitto hands the device 100 MB messages on a topic it follows: refused unread, the connection kept. */
@Tag("slow")
class OversizedMessageMosquittoTest {
    private static final String SERVING = "motcua/v1/hoang-mai/dinh-cong/serving/";
    private static final long HUNDRED_MB = 100L * 1024 * 1024;
    private final Path dir = TestDirs.create("oversized-");
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    private MosquittoProcess broker;
    private StateStore store;
    private PahoUplink uplink;

    @AfterEach
    void tearDown() throws Exception {
        if (uplink != null) {
            uplink.stop();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.stop();
        }
        Files.deleteIfExists(dir.resolve("big.bin"));
    }

    @Test
    void a_100_mb_retained_serving_message_reaches_the_handler_empty_and_the_uplink_stays_connected() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        broker = new MosquittoProcess(FreePorts.tcp(), List.of("persistence false")).start();
        Path big = dir.resolve("big.bin");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(HUNDRED_MB);
        }
        broker.publishFile(SERVING + "5", big, true);

        givenADeviceFollowingServing();
        uplink.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(m -> m.topic().endsWith("/5")));
        InboundMessage refused = received.get(0);
        assertThat(refused.payload()).isEmpty();
        assertThat(refused.retained()).isTrue();
        assertThat(uplink.connected()).isTrue();
        long session = uplink.session();

        broker.publishFile(SERVING + "7", big, false);
        try (MqttRecorder district = new MqttRecorder(broker.uri(), "unused/#", false)) {
            district.publish(SERVING + "6", "{\"counter\":6,\"ticket\":\"A012\"}", false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().anyMatch(m -> m.topic().endsWith("/6")));
        assertThat(received).extracting(InboundMessage::topic).containsExactly(SERVING + "5", SERVING + "7", SERVING + "6");
        assertThat(received.get(1).payload()).isEmpty();
        assertThat(received.get(2).text()).isEqualTo("{\"counter\":6,\"ticket\":\"A012\"}");
        assertThat(uplink.connected()).isTrue();
        assertThat(uplink.session()).as("no reconnect").isEqualTo(session);
        assertThat(uplink.loops()).noneMatch(LoopStatus::stuck);
    }

    private void givenADeviceFollowingServing() throws Exception {
        Identity identity = IdentityLoader.load(TestIdentities.write(dir,
                TestIdentities.sim("hd-01", "kiosk", broker.uri())));
        store = StateStore.open(dir.resolve("state"));
        EventLog events = new EventLog(store, "hd-01", identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events, new DeviceInfo("kiosk", "1.2.3", () -> 1, () -> "{}"),
                Clock.systemUTC(),
                new HealthModel());
        uplink.subscribe(SERVING + "+", received::add);
    }
}
