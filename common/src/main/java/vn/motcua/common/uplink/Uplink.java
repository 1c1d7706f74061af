package vn.motcua.common.uplink;

import java.util.List;
import java.util.function.Consumer;

/** The device's link to the district's MQTT broker: events drain from the outbox, messages come in by topic. */
public interface Uplink {
    /** Starts connecting in the background; never blocks on the network and never fails on a missing broker. */
    void start();

    /** Stops cleanly: flushes what it can, publishes the shutdown state, disconnects. */
    void stop();

    boolean connected();

    /** Subscribes now and again after every reconnect; the handler runs on the uplink's inbound thread. */
    void subscribe(String topicFilter, Consumer<InboundMessage> handler);

    /** Publishes a non-durable message if connected; returns false when it could not be handed to the broker. */
    boolean publish(String topic, String payload, int qos, boolean retained);

    /** Publishes the retained online state again (e.g. after a new config), if connected. */
    void refreshState();

    /** Publishes the telemetry document now, if connected. */
    void publishTelemetry();

    /**
     * Hears of every connect (true) and disconnect (false). A connect is told as soon as the session is up, before
     * the subscriptions are renewed, so it comes before any retained message the broker replays for them.
     */
    void addConnectionListener(Consumer<Boolean> listener);

    /**
     * The uplink's long-lived loops and how they are, for a watchdog: empty before {@link #start()} and after
     * {@link #stop()}; a loop that is {@link LoopStatus#stuck()} means the process should be restarted.
     */
    List<LoopStatus> loops();
}
