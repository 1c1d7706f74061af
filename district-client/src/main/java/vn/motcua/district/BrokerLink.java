package vn.motcua.district;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

/**
 * A subscriber's connection to the broker for the district's side of the contract (the simulator's district
 * stand-in, motcua-ctl, tests): one topic filter, kept connected by its own loop.
 *
 * <p>It does not use Paho's automatic reconnect, which can stay in "connect already in progress" for good when the
 * broker restarts under it. As {@link PahoUplink} does, every attempt uses a fresh client and a bounded wait, and the
 * filter is subscribed again after every connect whose session the broker did not keep.
 */
public final class BrokerLink implements AutoCloseable {
    private static final long OPERATION_MILLIS = 5000;

    /** What arrives on the link. Called on Paho's threads; keep it short. */
    public interface Listener {
        void message(String topic, byte[] payload, boolean retained);

        /** The link is up and subscribed; {@code first} for the first connect of this link. */
        default void connected(boolean first) {
        }
    }

    /**
     * Where and how to connect. {@code persistentSession} asks the broker to keep the subscription and queue QoS 1
     * messages while the link is away; {@code retryEvery} is the pause between attempts while the broker is away.
     */
    public record Settings(String uri, String clientId, String filter, boolean persistentSession,
                           String username, char[] password, Duration retryEvery) {
        public Settings {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(retryEvery, "retryEvery");
            java.net.URI u = java.net.URI.create(uri);
            if (u.getScheme() == null || !java.util.Set.of("tcp", "ssl", "ws", "wss").contains(u.getScheme())
                    || u.getHost() == null) {
                throw new IllegalArgumentException("not a broker URI such as tcp://host:1883 or ssl://host:8883: " + uri);
            }
        }

        /** Anonymous, with a clean session. */
        public static Settings anonymous(String uri, String clientId, String filter, Duration retryEvery) {
            return new Settings(uri, clientId, filter, false, null, null, retryEvery);
        }
    }

    private final Settings settings;
    private final Listener listener;
    private final Object signal = new Object();
    /** The current client; whoever takes it out with {@code getAndSet(null)} is the one who closes it, once. */
    private final AtomicReference<MqttAsyncClient> client = new AtomicReference<>();
    private volatile boolean running;
    private volatile boolean everConnected;
    private Thread keeper;

    public BrokerLink(Settings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Connects once, now, and throws if the broker does not take the connection or the subscription. */
    public void connect() throws MqttException {
        closeQuietly(attempt());
    }

    /**
     * Keeps the link connected from now on in a daemon thread: connects when it is not (also when {@link #connect()}
     * was never called or failed) and again after every loss.
     */
    public void keepConnected() {
        running = true;
        keeper = new Thread(this::keepLoop, "broker-link-" + settings.clientId());
        keeper.setDaemon(true);
        keeper.start();
    }

    public boolean connected() {
        MqttAsyncClient c = client.get();
        return c != null && c.isConnected();
    }

    /** Publishes at QoS 1 without waiting; throws when the link is down. */
    public IMqttDeliveryToken publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttAsyncClient c = client.get();
        if (c == null) {
            throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
        }
        return c.publish(topic, payload, 1, retained);
    }

    /** Publishes at QoS 1 and waits for the broker's acknowledgement, at most {@code wait}. */
    public void publishAndWait(String topic, byte[] payload, boolean retained, Duration wait) throws MqttException {
        publish(topic, payload, retained).waitForCompletion(wait.toMillis());
    }

    /**
     * Stops the keeper and closes the client. The keeper is waited for first (at most one connect attempt), so the
     * client is never closed by two threads at once: Paho's {@code disconnectForcibly} on a client another thread has
     * just closed fails with a NullPointerException inside Paho.
     */
    @Override
    public void close() {
        running = false;
        Thread k = keeper;
        if (k != null) {
            k.interrupt();
            try {
                k.join(3 * OPERATION_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MqttAsyncClient c = client.getAndSet(null);
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(1000).waitForCompletion(2000);
            }
        } catch (MqttException e) {
            Logger.debug("disconnecting {} from {}: {}", settings.clientId(), settings.uri(), e.getMessage());
        }
        closeQuietly(c);
    }

    private void keepLoop() {
        boolean outageLogged = false;
        while (running) {
            if (!connected()) {
                try {
                    MqttAsyncClient old = attempt();
                    closeQuietly(old);
                    if (outageLogged) {
                        Logger.info("{} is connected again to {}", settings.clientId(), settings.uri());
                    }
                    outageLogged = false;
                } catch (MqttException e) {
                    if (!outageLogged) {
                        Logger.warn("{} cannot reach the broker {} ({}); retrying every {} ms", settings.clientId(),
                                settings.uri(), e.getMessage(), settings.retryEvery().toMillis());
                        outageLogged = true;
                    }
                }
                if (!running) {
                    closeQuietly(client.getAndSet(null));
                    return;
                }
            }
            synchronized (signal) {
                try {
                    signal.wait(connected() ? 5000 : settings.retryEvery().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * One connect and subscribe with bounded waits; on success the fresh client becomes the link's client and the one
     * it replaces (lost, not yet closed; null if none) is returned for the caller to close.
     */
    private synchronized MqttAsyncClient attempt() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(settings.uri(), settings.clientId(), new MemoryPersistence());
        c.setCallback(new Callback());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(!settings.persistentSession());
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(15);
        o.setMaxInflight(1000);
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password());
        }
        try {
            IMqttToken connect = c.connect(o);
            connect.waitForCompletion(OPERATION_MILLIS);
            boolean first = !everConnected;
            // a session the broker kept still holds the subscription; subscribing again would replay the retained
            // messages a second time
            if (first || !settings.persistentSession() || !connect.getSessionPresent()) {
                c.subscribe(settings.filter(), 1).waitForCompletion(OPERATION_MILLIS);
            }
            everConnected = true;
            MqttAsyncClient old = client.getAndSet(c);
            listener.connected(first);
            return old;
        } catch (MqttException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException alreadyDown) {
            Logger.trace("forced disconnect: {}", alreadyDown.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            Logger.trace("closing a Paho client: {}", e.getMessage());
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            Logger.warn("{} lost the broker {} ({}); connecting again", settings.clientId(), settings.uri(),
                    cause == null ? "?" : cause.getMessage());
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            listener.message(topic, message.getPayload(), message.isRetained());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 acknowledgements need no action
        }
    }
}
