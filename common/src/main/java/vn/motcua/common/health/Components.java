package vn.motcua.common.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The components whose loops the watchdog watches, and which loop threads belong to which (SPEC section 11). */
public final class Components {
    public static final String INPUT = "input";
    public static final String OUTBOX = "outbox";
    public static final String MQTT = "mqtt";
    public static final String MANAGEMENT = "management";
    public static final String APP = "app";
    public static final List<String> ALL = List.of(INPUT, OUTBOX, MQTT, MANAGEMENT, APP);

    private static final Map<String, String> LOOP_THREADS =
            Map.of("outbox-drainer", OUTBOX, "mqtt-connect", MQTT, "barcode-reader", INPUT);

    private Components() {
    }

    /** The component whose loop runs on the thread (or loop) of that name, if it is a watched one. */
    public static Optional<String> ofLoop(String threadName) {
        return Optional.ofNullable(LOOP_THREADS.get(threadName));
    }
}
