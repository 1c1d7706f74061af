package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.StreamingDevice;

/**
 * An idle device keeps its connection: with nothing to send, only its keep-alive pings tell the broker it is there,
 * and a broker that gets none drops it after one and a half keep-alive intervals (and publishes its last will, so the
 * district sees it go offline). Slow: the first ping is due one keep-alive ({@value PahoUplink#KEEP_ALIVE_SECONDS} s)
 * after the connect.
 */
@Tag("slow")
class KeepAliveMosquittoTest {
    private static final String DEVICE = "ks-idle-01";

    @Test
    void an_idle_device_pings_the_broker_and_is_never_dropped() throws Exception {
        RealPeers.require("mosquitto (./motcua test installs it as root)", MosquittoProcess.available());
        try (MosquittoProcess broker = new MosquittoProcess(FreePorts.tcp(), List.of("log_type all")).start();
             StreamingDevice device = new StreamingDevice(DEVICE, List.of(broker.uri()))) {
            Path log = broker.log();
            device.connect();
            await().atMost(Duration.ofSeconds(30)).until(device::broker, Optional.of(broker.uri())::equals);

            // two pings: the second comes after the broker would have dropped a device that sent none
            await().atMost(Duration.ofSeconds(PahoUplink.KEEP_ALIVE_SECONDS * 4L))
                    .until(() -> count(log, "Received PINGREQ from " + DEVICE) >= 2
                            || count(log, "exceeded timeout") > 0);

            assertThat(count(log, "Client " + DEVICE + " has exceeded timeout")).as("dropped for want of pings").isZero();
            assertThat(count(log, "New client connected from")).as("connections the device made").isEqualTo(1);
            assertThat(count(log, "Sending PINGRESP to " + DEVICE)).isGreaterThanOrEqualTo(2);
            assertThat(device.broker()).contains(broker.uri());
        }
    }

    private static long count(Path log, String text) {
        try {
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
