package vn.motcua.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Three real RabbitMQ nodes form one cluster: MQTT messages cross nodes, also while one node is stopped and after it is back. */
@Tag("slow")
class RabbitMqClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "motcua/v1/hoang-mai/dinh-cong/tp-01/event/ticket/issued";

    @Test
    void messages_cross_nodes_while_one_node_is_stopped_and_after_it_is_back() throws Exception {
        RealPeers.require("rabbitmq-server", RabbitMqNode.available());
        try (RabbitMqCluster cluster = new RabbitMqCluster(3).start();
             MqttRecorder subscriber = new MqttRecorder(cluster.node(0).uri(), "motcua/v1/+/+/+/event/#", false);
             MqttRecorder onThird = new MqttRecorder(cluster.node(2).uri(), "unused/#", false)) {
            String status = cluster.node(0).ctl(WAIT, "cluster_status").output();
            for (int i = 0; i < 3; i++) {
                assertThat(status).contains(cluster.node(i).nodeName());
            }
            onThird.publish(TOPIC, "1", false);
            subscriber.await(m -> m.payload().equals("1"), 1, WAIT);

            cluster.node(1).stop();
            onThird.publish(TOPIC, "2", false);
            subscriber.await(m -> m.payload().equals("2"), 1, WAIT);

            cluster.node(1).start();
            try (MqttRecorder onSecond = new MqttRecorder(cluster.node(1).uri(), "unused/#", false)) {
                onSecond.publish(TOPIC, "3", false);
                subscriber.await(m -> m.payload().equals("3"), 1, WAIT);
            }
            assertThat(subscriber.messages()).extracting(MqttRecorder.Message::topic).containsOnly(TOPIC);
        }
    }
}
