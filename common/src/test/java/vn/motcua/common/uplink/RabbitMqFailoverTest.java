package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RabbitMqCluster;
import vn.motcua.common.testing.RabbitMqNode;
import vn.motcua.common.testing.StreamingDevice;

/**
 * A device on a real three-node RabbitMQ cluster ({@code mqtt.uris} of all three), the district subscribed on
 * another node: the node the device is on stops mid-stream, the device moves to the next, and every event arrives
 * once kept by eventId, in seq order. One cluster for the class: starting one takes 30-45 s on two cores.
 */
@Tag("slow")
class RabbitMqFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static RabbitMqCluster cluster;

    @BeforeAll
    static void givenAThreeNodeCluster() {
        RealPeers.require("rabbitmq-server is not installed (./motcua test installs it as root)", RabbitMqNode.available());
        cluster = new RabbitMqCluster(3).start();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void the_node_a_device_is_on_stops_and_every_event_arrives_in_seq_order() throws Exception {
        List<String> nodes = List.of(cluster.node(0).uri(), cluster.node(1).uri(), cluster.node(2).uri());
        try (StreamingDevice device = new StreamingDevice("ks-cluster-01", nodes);
             MqttRecorder district = new MqttRecorder(cluster.node(2).uri(), device.topicFilter(), false)) {
            device.start(Duration.ofMillis(50));
            await().atMost(WAIT).until(device::broker, Optional.of(nodes.get(0))::equals);
            district.await(m -> true, 20, WAIT);

            cluster.node(0).stop();
            await().atMost(WAIT).until(device::broker, Optional.of(nodes.get(1))::equals);
            long later = device.recorded() + 20;
            await().atMost(WAIT).until(() -> device.acknowledged() >= later);
            device.stopRecording();
            long all = device.recorded();
            await().atMost(WAIT).until(() -> device.acknowledged() == all);
            await().atMost(WAIT).until(() -> StreamingDevice.firstSeen(district.messages()).size() == all);

            assertThat(StreamingDevice.firstSeen(district.messages()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, all).boxed().toList());
            assertThat(device.broker()).contains(nodes.get(1));
        }
    }
}
