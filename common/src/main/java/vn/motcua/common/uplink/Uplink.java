package vn.motcua.common.uplink;

import java.util.List;
import java.util.Optional;

/** The device's link to the district's MQTT broker: events drain from the outbox, messages come in by topic. */
public interface Uplink extends MessageLink {
    /** Starts connecting in the background; never blocks on the network and never fails on a missing broker. */
    void start();

    /** Stops cleanly: flushes what it can, publishes the shutdown state, disconnects. */
    void stop();

    boolean connected();

    /** The broker node (one of {@code mqtt.uris}) this uplink is connected to; empty while it is not connected. */
    Optional<String> broker();

    /** Publishes the retained online state again (e.g. after a new config), if connected. */
    void refreshState();

    /** Publishes the telemetry document now, if connected. */
    void publishTelemetry();

    /**
     * The uplink's long-lived loops and how they are, for a watchdog: empty before {@link #start()} and after
     * {@link #stop()}; a loop that is {@link LoopStatus#stuck()} means the process should be restarted.
     */
    List<LoopStatus> loops();
}
