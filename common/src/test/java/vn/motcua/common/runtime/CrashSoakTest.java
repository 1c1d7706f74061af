package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.CrashHarness;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;

/** The long version (mvn -Psoak verify): 40 kill -9 cycles with the broker stopped and started at random. */
@Tag("soak")
class CrashSoakTest {
    @Test
    void nothing_is_lost_over_forty_kills_and_random_outages() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        Random random = new Random(Long.getLong("soak.seed", 7));
        MosquittoProcess broker = new MosquittoProcess().start();
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), CrashHarness.ROOT + "/#", true)) {
            CrashHarness harness = new CrashHarness(TestDirs.create("soak-"), broker.uri());
            boolean brokerUp = true;
            for (int i = 0; i < 40; i++) {
                DeviceProcess device = harness.start();
                if (random.nextInt(4) == 0) {
                    if (brokerUp) {
                        broker.stop();
                    } else {
                        broker.start();
                    }
                    brokerUp = !brokerUp;
                }
                Thread.sleep(300 + random.nextInt(2500));
                device.kill9();
            }
            if (!brokerUp) {
                broker.start();
            }
            DeviceProcess last = harness.start();
            harness.awaitEveryStartArrived(rec, Duration.ofSeconds(60));
            assertThat(last.terminate()).isZero();
            harness.assertAllEventsArrived(rec);
        } finally {
            broker.stop();
        }
    }
}
