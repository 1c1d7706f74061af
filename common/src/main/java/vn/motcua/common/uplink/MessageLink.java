package vn.motcua.common.uplink;

import java.util.function.Consumer;

/**
 * The part of the district link an app uses: follow topics, hear of connects, publish a non-durable message. Apps
 * never start, stop or drain the uplink; durable events go through the event log and its outbox.
 */
public interface MessageLink {
    /** Subscribes now and again after every reconnect; the handler runs on the uplink's inbound thread. */
    void subscribe(String topicFilter, Consumer<InboundMessage> handler);

    /** Publishes a non-durable message if connected; returns false when it could not be handed to the broker. */
    boolean publish(String topic, String payload, int qos, boolean retained);

    /**
     * Hears of every connect (true) and disconnect (false). A connect is told as soon as the session is up, before
     * the subscriptions are renewed, so it comes before any retained message the broker replays for them.
     */
    void addConnectionListener(Consumer<Boolean> listener);
}
