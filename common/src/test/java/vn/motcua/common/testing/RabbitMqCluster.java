package vn.motcua.common.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * A RabbitMQ cluster of real nodes on this machine (one Erlang cookie, each node with its own name, ports and
 * data), joined with {@code rabbitmqctl join_cluster}. A test stops and starts single nodes through {@link #node}.
 */
public final class RabbitMqCluster implements AutoCloseable {
    private final List<RabbitMqNode> nodes = new ArrayList<>();

    /** Nodes not yet started; the MQTT plugin of RabbitMQ 3.10 needs a majority of them, so three for failover. */
    public RabbitMqCluster(int size) {
        Path home = RabbitMqNode.cookieHome();
        for (int i = 0; i < size; i++) {
            nodes.add(new RabbitMqNode(home));
        }
    }

    /** Boots every node side by side, then joins the others to the first one; returns when all take MQTT connects, or stops them all. */
    public RabbitMqCluster start() {
        long started = System.nanoTime();
        try {
            nodes.forEach(RabbitMqNode::launch);
            nodes.forEach(RabbitMqNode::awaitReady);
            for (RabbitMqNode node : nodes.subList(1, nodes.size())) {
                node.joinCluster(nodes.get(0));
            }
        } catch (RuntimeException e) {
            close(); // a test's try-with-resources never gets a cluster whose start failed: leave no beam behind
            throw e;
        }
        Logger.info("RabbitMQ cluster of {} nodes ready in {} ms", nodes.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return this;
    }

    /** The node at {@code index} (0-based), to stop or start by itself. */
    public RabbitMqNode node(int index) {
        return nodes.get(index);
    }

    /** Stops every node, the joined ones first. */
    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
