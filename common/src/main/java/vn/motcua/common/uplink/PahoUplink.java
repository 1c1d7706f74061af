package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;

/**
 * The uplink on Eclipse Paho v3: our own connect loop (Paho never retries a failed first connect), a fresh
 * client per attempt, birth and will with a durable growing {@code session}, re-subscription after every
 * connect, telemetry right after every connect, and the outbox drained in order with a bounded window.
 */
public final class PahoUplink implements Uplink {
    public static final int KEEP_ALIVE_SECONDS = 15;
    public static final int WINDOW = 64;
    private static final String SESSION_KEY = "mqtt.session";

    private final Identity identity;
    private final StateStore store;
    private final DeviceInfo info;
    private final String stateId;
    private final Clock clock;
    private final Backoff backoff;
    private final OutboxDrainer drainer;
    private final Map<String, Consumer<InboundMessage>> subscriptions = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> connectionListeners = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();

    private volatile boolean running;
    private volatile MqttAsyncClient client;
    private volatile boolean connected;
    private volatile long session;
    private Thread connectThread;
    private ExecutorService inbound;

    public PahoUplink(Identity identity, StateStore store, EventLog events, DeviceInfo info, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.info = info;
        this.stateId = events.stateId();
        this.clock = clock;
        this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), ThreadLocalRandom.current());
        this.drainer = new OutboxDrainer(events, identity.topicRoot() + "/event/", WINDOW, this::dropConnection);
        events.addListener(e -> drainer.wake());
    }

    @Override
    public void start() {
        running = true;
        inbound = Executors.newSingleThreadExecutor(r -> daemon(r, "mqtt-inbound"));
        drainer.start();
        connectThread = daemon(this::connectLoop, "mqtt-connect");
        connectThread.start();
    }

    @Override
    public void stop() {
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
        if (connectThread != null) {
            connectThread.interrupt();
        }
        if (inbound != null) {
            inbound.shutdownNow();
        }
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
        publish(identity.topicRoot() + "/telemetry", info.telemetry().get(), 0, false);
    }

    @Override
    public void addConnectionListener(Consumer<Boolean> listener) {
        connectionListeners.add(listener);
    }

    /** The session number of the current (or last) connection. */
    public long session() {
        return session;
    }

    private void connectLoop() {
        boolean outageLogged = false;
        while (running) {
            if (connected) {
                awaitSignal(5000);
                continue;
            }
            try {
                connectOnce();
                backoff.reset();
                outageLogged = false;
            } catch (MqttException e) {
                Duration wait = backoff.next();
                if (!outageLogged) {
                    Logger.warn("MQTT broker {} not reachable ({}); retrying with backoff (next in {} ms), events are kept",
                            identity.mqtt().uri(), e.getMessage(), wait.toMillis());
                    outageLogged = true;
                } else {
                    Logger.debug("MQTT connect failed ({}); next attempt in {} ms", e.getMessage(), wait.toMillis());
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
        MqttAsyncClient c = new MqttAsyncClient(identity.mqtt().uri(), identity.deviceId(), new MemoryPersistence());
        c.setCallback(new Callback(c));
        try {
            c.connect(options(next)).waitForCompletion(15_000);
        } catch (MqttException e) {
            closeQuietly(c);
            throw e;
        }
        session = next;
        client = c;
        // before subscribing: a listener that tells the broker's retained replay from live messages (the hall
        // display) must know of this connect before the first replayed message can arrive
        connectionListeners.forEach(l -> l.accept(true));
        try {
            publishState(c, "online", null);
            for (String filter : subscriptions.keySet()) {
                c.subscribe(filter, 1);
            }
        } catch (MqttException e) {
            connectionListeners.forEach(l -> l.accept(false));
            throw e;
        }
        connected = true;
        Logger.info("connected to MQTT broker {} (session {})", identity.mqtt().uri(), next);
        publishTelemetry();
        drainer.connected(this::publishWithCallbacks);
    }

    private MqttConnectOptions options(long sessionNumber) throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        o.setConnectionTimeout(10);
        o.setMaxInflight(WINDOW + 32);
        o.setWill(identity.topicRoot() + "/state", stateJson("offline", "lost", sessionNumber), 1, true);
        Identity.MqttSettings m = identity.mqtt();
        if (m.username() != null) {
            o.setUserName(m.username());
        }
        if (m.password() != null) {
            o.setPassword(m.password());
        }
        if (m.caFile() != null) {
            try {
                o.setSocketFactory(TlsSockets.trusting(m.caFile()));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new MqttException(e);
            }
        }
        return o;
    }

    private IMqttDeliveryToken publishState(MqttAsyncClient c, String status, String reason) throws MqttException {
        return c.publish(identity.topicRoot() + "/state", stateJson(status, reason, session), 1, true);
    }

    private byte[] stateJson(String status, String reason, long sessionNumber) {
        var node = Json.object().put("status", status);
        if (reason != null) {
            node.put("reason", reason);
        } else {
            node.put("kind", info.kind()).put("version", info.version()).put("configVersion", info.configVersion().getAsLong())
                    .put("stateId", stateId);
        }
        node.put("session", sessionNumber);
        if (reason == null) {
            node.put("ts", EventLog.TS.format(clock.instant().atZone(identity.timezone())));
        }
        return Json.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private void publishWithCallbacks(String topic, byte[] payload, int qos, boolean retained,
                                      Runnable onAck, Runnable onFailure) throws MqttException {
        MqttAsyncClient c = client;
        if (c == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        c.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                onAck.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                onFailure.run();
            }
        });
    }

    private void dropConnection() {
        MqttAsyncClient c = client;
        lost(c, "dropped after a failed publish");
        if (c != null) {
            try {
                c.disconnectForcibly(0, 1000);
            } catch (MqttException e) {
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
        Logger.warn("MQTT connection lost ({}); reconnecting with backoff", why);
        connectionListeners.forEach(l -> l.accept(false));
        wakeConnectLoop();
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
        } catch (MqttException e) {
            Logger.debug("closing MQTT client: {}", e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
            InboundMessage m = new InboundMessage(topic, message.getPayload(), message.isRetained());
            for (Map.Entry<String, Consumer<InboundMessage>> s : subscriptions.entrySet()) {
                if (MqttTopic.isMatched(s.getKey(), topic)) {
                    inbound.execute(() -> dispatch(s.getValue(), m));
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // acknowledgements are handled per publish by the drainer's listeners
        }
    }

    private static void dispatch(Consumer<InboundMessage> handler, InboundMessage m) {
        try {
            handler.accept(m);
        } catch (RuntimeException e) {
            Logger.error(e, "handling a message on {} failed; the message is dropped", m.topic());
        }
    }
}
