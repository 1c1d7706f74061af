package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.StreamingDevice;

/**
 * Two plain Mosquittos as a small district's hot standby ({@code mqtt.uris} of both, the district listening on
 * both): the device moves when its broker stops, stays where it is when the other comes back, and loses no event.
 */
class MosquittoStandbyTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration PERIOD = Duration.ofMillis(50);

    @Test
    void a_device_moves_to_the_standby_and_back_and_every_event_arrives_in_order() throws Exception {
        RealPeers.require("mosquitto (./motcua test installs it as root)", MosquittoProcess.available());
        try (MosquittoProcess primary = new MosquittoProcess().start();
             MosquittoProcess standby = new MosquittoProcess().start();
             StreamingDevice device = new StreamingDevice("ks-standby-01", List.of(primary.uri(), standby.uri()));
             MqttRecorder onPrimary = new MqttRecorder(primary.uri(), device.topicFilter(), true);
             MqttRecorder onStandby = new MqttRecorder(standby.uri(), device.topicFilter(), true)) {
            device.start(PERIOD);
            await().atMost(WAIT).until(device::broker, Optional.of(primary.uri())::equals);
            onPrimary.await(m -> true, 20, WAIT);

            primary.stop();
            await().atMost(WAIT).until(device::broker, Optional.of(standby.uri())::equals);
            onStandby.await(m -> true, 20, WAIT);

            primary.start();
            long later = device.recorded() + 20;
            await().atMost(WAIT).until(() -> device.acknowledged() >= later);
            assertThat(device.broker()).as("stays on the node it reached").contains(standby.uri());

            standby.stop();
            await().atMost(WAIT).until(device::broker, Optional.of(primary.uri())::equals);
            // what the standby took just before it stopped may still be queued for the district's kept session there
            standby.start();
            long last = device.recorded() + 20;
            await().atMost(WAIT).until(() -> device.acknowledged() >= last);
            device.stopRecording();
            long all = device.recorded();
            await().atMost(WAIT).until(() -> device.acknowledged() == all);
            await().atMost(WAIT).until(() -> seen(onPrimary, onStandby).size() == all);

            assertThat(seen(onPrimary, onStandby)).containsExactlyElementsOf(LongStream.rangeClosed(1, all).boxed().toList());
            assertThat(StreamingDevice.firstSeen(onPrimary.messages())).isSortedAccordingTo(Long::compare)
                    .doesNotHaveDuplicates();
            assertThat(StreamingDevice.firstSeen(onStandby.messages())).isSortedAccordingTo(Long::compare)
                    .doesNotHaveDuplicates().isNotEmpty();
        }
    }

    private static TreeSet<Long> seen(MqttRecorder... recorders) {
        TreeSet<Long> seqs = new TreeSet<>();
        for (MqttRecorder r : recorders) {
            seqs.addAll(StreamingDevice.firstSeen(r.messages()));
        }
        return seqs;
    }
}
