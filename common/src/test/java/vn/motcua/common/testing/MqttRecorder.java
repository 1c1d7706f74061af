package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.motcua.common.json.Json;

/**
 * A test subscriber that records every message on a topic filter. With a persistent session it also gets
 * what was published while it (or the broker) was away, as a district consumer would.
 */
public final class MqttRecorder implements AutoCloseable {
    private static final long OPERATION_MILLIS = 5000;

    /** One received message. */
    public record Message(String topic, String payload, boolean retained) {
        public JsonNode json() {
            try {
                return Json.parse(payload);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON on " + topic + ": " + payload, e);
            }
        }
    }

    private final String uri;
    private final String clientId = "recorder-" + System.nanoTime();
    private final String filter;
    private final boolean persistentSession;
    private final List<Message> messages = new ArrayList<>();
    private final Object signal = new Object();
    private final Thread reconnector;
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    /**
     * Connects and subscribes, or throws. After a lost connection it connects again by itself with a fresh client
     * and a bounded wait (as the device's uplink does): Paho's automatic reconnect can hang forever in "connect in
     * progress" when the broker restarts under it.
     */
    public MqttRecorder(String uri, String filter, boolean persistentSession) throws MqttException {
        this.uri = uri;
        this.filter = filter;
        this.persistentSession = persistentSession;
        client = connect(true);
        reconnector = new Thread(this::reconnectLoop, clientId + "-reconnect");
        reconnector.setDaemon(true);
        reconnector.start();
    }

    private MqttAsyncClient connect(boolean first) throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                synchronized (signal) {
                    signal.notifyAll();
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                synchronized (messages) {
                    messages.add(new Message(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
                    messages.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(!persistentSession);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(5);
        o.setMaxInflight(1000);
        try {
            IMqttToken connected = c.connect(o);
            connected.waitForCompletion(OPERATION_MILLIS);
            // a persistent session the broker kept still has its subscription; subscribing again would replay
            // the retained messages a second time
            if (first || !persistentSession || !connected.getSessionPresent()) {
                c.subscribe(filter, 1).waitForCompletion(OPERATION_MILLIS);
            }
            return c;
        } catch (MqttException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private void reconnectLoop() {
        while (!closed) {
            synchronized (signal) {
                try {
                    signal.wait(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closed || client.isConnected()) {
                continue;
            }
            MqttAsyncClient old = client;
            try {
                MqttAsyncClient fresh = connect(false);
                client = fresh;
                closeQuietly(old);
                if (closed) {
                    closeQuietly(fresh);
                }
            } catch (MqttException notYet) {
                // the broker is still away; try again after the next wait
            }
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 1000, false);
        } catch (MqttException ignored) {
            // already disconnected
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // closing a client that never connected
        }
    }

    public List<Message> messages() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    public List<Message> matching(Predicate<Message> p) {
        return messages().stream().filter(p).toList();
    }

    /** Waits until {@code count} messages match, or fails after the timeout with what was received. */
    public List<Message> await(Predicate<Message> p, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            while (true) {
                List<Message> found = messages.stream().filter(p).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching messages within " + timeout + ", got "
                            + found.size() + "; all: " + messages.size() + " last: "
                            + (messages.isEmpty() ? "-" : messages.get(messages.size() - 1)));
                }
                messages.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Publishes at QoS 1; if the broker dropped this client, waits up to 20 s for the reconnect. */
    public void publish(String topic, String payload, boolean retained) throws MqttException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained).waitForCompletion(OPERATION_MILLIS);
                return;
            } catch (MqttException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws MqttException {
        closed = true;
        reconnector.interrupt();
        MqttAsyncClient c = client;
        if (c.isConnected()) {
            c.disconnect().waitForCompletion(OPERATION_MILLIS);
        }
        c.close(true);
    }
}
