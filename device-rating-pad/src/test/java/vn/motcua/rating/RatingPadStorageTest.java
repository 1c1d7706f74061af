package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.SmallDisk;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.rating.config.RatingConfig;
import vn.motcua.rating.support.PadFixture;
import vn.motcua.rating.support.SimPadClient;

/** The whole rating pad in process with its state directory on a small real disk that fills up. */
@Tag("slow")
class RatingPadStorageTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private final Path dir = TestDirs.create("pad-storage-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"));
    private SmallDisk disk;
    private DeviceRuntime<RatingConfig> pad;
    private SimPadClient client;

    @AfterEach
    void stop() {
        try {
            if (client != null) {
                client.close();
            }
            if (pad != null) {
                pad.stop();
            }
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
    }

    @Test
    void a_rating_the_full_disk_refuses_is_shown_as_not_recorded_counted_and_the_pad_recovers_by_itself() throws Exception {
        disk = SmallDisk.tmpfs("pad-full-", 8);
        DeviceIdentity<RatingPadHardware> device = IdentityLoader.load(PadFixture.identity(dir,
                "tcp://127.0.0.1:" + FreePorts.tcp(), 0), DeviceKind.RATING_PAD, RatingPadHardware.MODEL);
        pad = new DeviceRuntime<>(device, disk.dir().resolve("state"), new RatingPadApp(), clock);
        pad.start();
        client = new SimPadClient(pad.coapPort());
        disk.fill();

        client.press("satisfied");

        await(client::display, d -> d.get(0).startsWith("Chưa ghi nhận"), "the pad saying not recorded");
        assertThat(await(client::health, h -> h.get("components").path("storage").asText().equals("fault:storage-full"),
                "storage fault").get("status").asText()).isEqualTo("fault");
        assertThat(client.telemetry().get("ratingsNotRecorded").asLong()).isEqualTo(1);

        disk.free();

        await(client::health, h -> h.get("components").path("storage").asText().equals("ok"), "storage ok");
        clock.advance(Duration.ofSeconds(5));
        client.press("satisfied");
        await(client::display, d -> d.get(0).startsWith("Cảm ơn"), "thanks");
        List<String> types = new ArrayList<>();
        JsonNode events = client.events();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asLong()).as("seq gapless from 1").isEqualTo(i + 1);
            types.add(events.get(i).get("type").asText());
        }
        assertThat(types).containsExactly("device.started", "rating.submitted");
        assertThat(client.telemetry().get("ratingsToday").get("satisfied").asLong()).isEqualTo(1);
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; last seen " + last);
            }
            Thread.sleep(50);
            last = probe.call();
        }
        return last;
    }
}
