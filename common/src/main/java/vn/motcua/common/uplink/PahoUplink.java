package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.state.StateStore;

/**
 * The uplink on Eclipse Paho v3: our own connect loop (Paho never retries a failed first connect), a fresh
 * client per attempt, birth and will with a durable growing {@code session}, re-subscription after every
 * connect, telemetry right after every connect, and the outbox drained in order with a bounded window.
 * With several broker nodes ({@code mqtt.uris}) it stays on the node it reached until it loses it, then tries the next
 * ones in turn with the same backoff; the outbox goes on where the broker last acknowledged.
 * Inbound packets above {@link #INBOUND_LIMIT} bytes are never allocated (see {@link InboundLimit}). Its three loops
 * (connect, outbox drain, inbound handling) survive any exception, and tell how they are in {@link #loops()}.
 *
 * <p>The device subscribes to its own events and state: an event counts as delivered when it comes back from the
 * broker (a 3.1.1 broker acknowledges publishes its ACL refuses), and the health component {@code mqtt} says
 * {@code fault:broker-acl:<topic>} while they do not, or {@code fault:mqtt-tls:<why>} while TLS fails.
 */
public final class PahoUplink implements Uplink {
    public static final int KEEP_ALIVE_SECONDS = 15;
    public static final int WINDOW = 64;
    /** Events sent and not yet seen coming back from the broker, at most. */
    public static final int UNCONFIRMED_WINDOW = 256;
    static final OutboxDrainer.Limits DRAIN_LIMITS =
            new OutboxDrainer.Limits(WINDOW, UNCONFIRMED_WINDOW, Duration.ofSeconds(5));
    /** The largest inbound MQTT packet taken whole; a larger PUBLISH reaches its handler with an empty payload. */
    public static final int INBOUND_LIMIT = 64 * 1024;
    static final int INBOUND_QUEUE_MESSAGES = 1000;
    static final long INBOUND_QUEUE_BYTES = 1024 * 1024;
    /** Healthy, the connect loop goes round at least every backoff cap plus one connect attempt. */
    static final Duration CONNECT_QUIET_LIMIT = Duration.ofMinutes(3);
    private static final String SESSION_KEY = "mqtt.session";
    /** A connection that lasted this long was a working one: the next reconnect starts the backoff again. */
    static final Duration STABLE_CONNECTION = Duration.ofSeconds(30);

    private final Identity identity;
    private final StateStore store;
    private final DeviceInfo info;
    private final String stateId;
    private final SessionOptions sessionOptions;
    private final Backoff backoff;
    private final OutboxDrainer drainer;
    private final MqttHealth mqttHealth;
    private final OwnTopics own;
    private final BirthWatch birth;
    private final Map<String, Consumer<InboundMessage>> subscriptions = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> connectionListeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private final List<String> nodes;
    /** The node in use, or the one tried next; touched only by the connect loop and {@link #lost}. */
    private volatile int node;
    private volatile String broker;

    private volatile boolean running;
    private volatile MqttAsyncClient client;
    private volatile boolean connected;
    private volatile long session;
    private volatile long connectedAt;
    private final LoopThread connectThread = new LoopThread("mqtt-connect", CONNECT_QUIET_LIMIT, this::connectLoop);
    private final InboundQueue inbound = new InboundQueue(INBOUND_QUEUE_MESSAGES, INBOUND_QUEUE_BYTES);
    private volatile boolean started;

    /** An uplink for {@code identity} that reports its {@code mqtt} component to {@code health}. */
    public PahoUplink(Identity identity, StateStore store, EventLog events, DeviceInfo info, Clock clock,
                      HealthModel health) {
        this.identity = identity;
        this.nodes = identity.mqtt().uris();
        this.store = store;
        this.info = info;
        this.stateId = events.stateId();
        this.sessionOptions = new SessionOptions(identity, info, stateId, clock);
        this.backoff = Backoff.seeded(Duration.ofSeconds(1), Duration.ofSeconds(60));
        this.mqttHealth = new MqttHealth(health);
        this.birth = new BirthWatch(mqttHealth, identity.topicRoot() + "/state");
        this.drainer = new OutboxDrainer(events, identity.topicRoot() + "/event/", DRAIN_LIMITS, this::dropConnection,
                mqttHealth, Backoff.seeded(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        this.own = new OwnTopics(identity.topicRoot(), identity.deviceId() + ":" + stateId + ":", drainer, birth,
                mqttHealth);
        events.addListener(e -> drainer.wake());
    }

    @Override
    public void start() {
        running = true;
        inbound.start();
        drainer.start();
        connectThread.start();
        started = true;
    }

    @Override
    public void stop() {
        started = false;
        running = false;
        wakeConnectLoop();
        drainer.stop(connected ? 2000 : 0);
        MqttAsyncClient c = client;
        if (c != null && c.isConnected()) {
            try {
                publishState(c, "offline", "shutdown").waitForCompletion(3000);
                Logger.info("published the shutdown state (session {})", session);
                c.disconnect(1000).waitForCompletion(3000);
            } catch (MqttException e) {
                Logger.warn("clean MQTT disconnect failed: {}", e.getMessage());
            }
        }
        closeQuietly(c);
        connected = false;
        connectThread.interrupt();
        inbound.stop();
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void subscribe(String topicFilter, Consumer<InboundMessage> handler) {
        subscriptions.put(topicFilter, handler);
        MqttAsyncClient c = client;
        if (connected && c != null) {
            try {
                c.subscribe(topicFilter, 1);
            } catch (MqttException e) {
                Logger.warn("subscribing to {} failed ({}); it is retried at the next connect", topicFilter, e.getMessage());
            }
        }
    }

    @Override
    public boolean publish(String topic, String payload, int qos, boolean retained) {
        MqttAsyncClient c = client;
        if (!connected || c == null) {
            return false;
        }
        try {
            c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
            return true;
        } catch (MqttException e) {
            Logger.warn("publishing to {} failed: {}", topic, e.getMessage());
            return false;
        }
    }

    @Override
    public void refreshState() {
        MqttAsyncClient c = client;
        // not the connected flag: it is set only after the subscriptions, and a config applied between the birth and
        // then would leave the old configVersion retained. The birth of a connect not yet made reads the new version.
        if (c != null && c.isConnected()) {
            try {
                publishState(c, "online", null);
            } catch (MqttException e) {
                Logger.warn("republishing the online state failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void publishTelemetry() {
        if (!connected) {
            return;
        }
        String telemetry;
        try {
            telemetry = info.telemetry().get();
        } catch (RuntimeException e) {
            Logger.error(e, "could not make the telemetry document; none is published this time");
            return;
        }
        publish(identity.topicRoot() + "/telemetry", telemetry, 0, false);
    }

    @Override
    public List<LoopStatus> loops() {
        return started ? List.of(connectThread.status(), drainer.status(), inbound.status()) : List.of();
    }

    @Override
    public void addConnectionListener(Consumer<Boolean> listener) {
        connectionListeners.add(listener);
    }

    @Override
    public Optional<String> broker() {
        return connected ? Optional.ofNullable(broker) : Optional.empty();
    }

    /** The session number of the current (or last) connection. */
    public long session() {
        return session;
    }

    /** Survives any exception: a broker away, a state disk that cannot store the session, a listener that throws. */
    private void connectLoop() {
        boolean outageLogged = false;
        boolean unproven = false;
        while (running) {
            connectThread.beat();
            if (connected) {
                if (unproven && System.nanoTime() - connectedAt > STABLE_CONNECTION.toNanos()) {
                    backoff.reset();
                    unproven = false;
                }
                birth.check();
                awaitSignal(5000);
                continue;
            }
            if (unproven) {
                // the last connection ended soon after it was made (a broker that drops the device at once): back off
                // as after a failed connect, so it is not made again and again at full speed
                unproven = false;
                awaitSignal(backoff.next().toMillis());
                continue;
            }
            try {
                connectOnce();
                connectedAt = System.nanoTime();
                unproven = true;
                outageLogged = false;
            } catch (Exception e) {
                Duration wait = backoff.next();
                mqttHealth.connectFailed(e);
                String tried = nodes.get(node);
                moveOn();
                String tls = TlsFailure.reason(e).map(r -> "TLS to the MQTT broker " + tried + " failed: " + r).orElse(null);
                String why = tls != null ? tls : e instanceof MqttException ? "MQTT broker " + tried + " not reachable"
                        : "could not connect to the MQTT broker " + tried;
                String detail = e.getCause() != null && e.getCause() != e
                        ? e.getMessage() + ": " + e.getCause().getMessage() : e.getMessage();
                if (!outageLogged) {
                    Logger.warn("{} ({}); retrying with backoff (next in {} ms{}), events are kept", why, detail,
                            wait.toMillis(), nodes.size() > 1 ? " on " + nodes.get(node) : "");
                    outageLogged = true;
                } else {
                    Logger.debug("MQTT connect to {} failed ({}); next attempt in {} ms on {}", tried, detail,
                            wait.toMillis(), nodes.get(node));
                }
                awaitSignal(wait.toMillis());
            }
        }
    }

    private void connectOnce() throws MqttException {
        long next = store.inTransaction(tx -> {
            long s = tx.metaLong(SESSION_KEY, 0) + 1;
            tx.putMeta(SESSION_KEY, s);
            return s;
        });
        String uri = nodes.get(node);
        MqttAsyncClient c = new LimitedMqttClient(uri, identity.deviceId(), INBOUND_LIMIT, KEEP_ALIVE_SECONDS);
        boolean told = false;
        try {
            c.setCallback(new Callback(c));
            c.connect(sessionOptions.forNode(uri, next)).waitForCompletion(15_000);
            session = next;
            broker = uri;
            MqttAsyncClient replaced = client;
            client = c;
            if (replaced != null) {
                closeQuietly(replaced); // a lost connection's client: its threads end with it
            }
            // before subscribing: a listener that tells the broker's retained replay from live messages (the hall
            // display) must know of this connect before the first replayed message can arrive
            tell(true);
            told = true;
            mqttHealth.connected();
            publishState(c, "online", null);
            birth.sent(next);
            own.subscribe(c);
            for (String filter : subscriptions.keySet()) {
                c.subscribe(filter, 1);
            }
        } catch (MqttException | RuntimeException e) {
            // a broker that takes the birth and then closes the connection (an ACL that denies it) ends here
            birth.lost();
            if (told) {
                tell(false);
            }
            closeQuietly(c);
            throw e;
        }
        connected = true;
        drainer.connected(this::publishWithCallbacks);
        if (nodes.size() > 1) {
            Logger.info("connected to MQTT broker {} (node {} of {}, session {})", uri, node + 1, nodes.size(), next);
        } else {
            Logger.info("connected to MQTT broker {} (session {})", uri, next);
        }
        publishTelemetry();
    }

    /** Tells every connection listener; one that throws is logged and does not keep the others from hearing. */
    private void tell(boolean up) {
        for (Consumer<Boolean> l : connectionListeners) {
            try {
                l.accept(up);
            } catch (RuntimeException e) {
                Logger.error(e, "a connection listener failed on {}; the uplink goes on", up ? "connect" : "disconnect");
            }
        }
    }

    private IMqttDeliveryToken publishState(MqttAsyncClient c, String status, String reason) throws MqttException {
        return c.publish(sessionOptions.stateTopic(), sessionOptions.state(status, reason, session), 1, true);
    }

    /**
     * The answer is the token's: Paho marks it complete when it reads the acknowledgement, on its receiving thread, and
     * only later runs {@code onAck} on its callback thread, which drops what is still queued when the connection goes.
     */
    private BooleanSupplier publishWithCallbacks(String topic, byte[] payload, int qos, boolean retained,
                                                 Runnable onAck, Runnable onFailure) throws MqttException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        IMqttDeliveryToken sent = c.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                onAck.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                onFailure.run();
            }
        });
        return () -> sent.isComplete() && sent.getException() == null;
    }

    private void dropConnection() {
        MqttAsyncClient c = client;
        lost(c, "dropped after a failed publish");
        if (c != null) {
            try {
                c.disconnectForcibly(0, 1000);
            } catch (MqttException | RuntimeException e) {
                // RuntimeException: Paho 1.2.5 throws a NullPointerException on a client that stop() closed meanwhile
                Logger.debug("forced disconnect: {}", e.getMessage());
            }
        }
    }

    private void lost(MqttAsyncClient c, String why) {
        if (c != client || !connected) {
            return;
        }
        connected = false;
        drainer.disconnected();
        birth.lost();
        moveOn();
        Logger.warn("MQTT connection lost ({}); reconnecting with backoff{}", why,
                nodes.size() > 1 ? ", next to " + nodes.get(node) : "");
        tell(false);
        wakeConnectLoop();
    }

    /** The next attempt goes to the next node of the list (the same one when there is only one). */
    private void moveOn() {
        node = (node + 1) % nodes.size();
    }

    private void wakeConnectLoop() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void awaitSignal(long millis) {
        synchronized (signal) {
            try {
                if (running) {
                    signal.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 500);
            }
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // RuntimeException: Paho 1.2.5 throws a NullPointerException on a client another thread has just closed
            Logger.debug("closing MQTT client: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost(owner, cause == null ? "unknown cause" : String.valueOf(cause.getMessage()));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (own.owns(topic)) {
                own.arrived(topic, message.getPayload());
                return;
            }
            InboundMessage m = new InboundMessage(topic, message.getPayload(), message.isRetained());
            for (Map.Entry<String, Consumer<InboundMessage>> s : subscriptions.entrySet()) {
                try {
                    if (MqttTopic.isMatched(s.getKey(), topic)) {
                        inbound.offer(s.getValue(), m);
                    }
                } catch (RuntimeException e) {
                    Logger.warn("dropping a message on an unusable topic {}: {}", topic, e.getMessage());
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acknowledgements are handled per publish by the drainer's listeners
        }
    }
}
