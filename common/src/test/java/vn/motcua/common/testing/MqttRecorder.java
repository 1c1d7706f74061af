package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.motcua.common.json.Json;

/**
 * A test subscriber that records every message on a topic filter. With a persistent session it also gets
 * what was published while it (or the broker) was away, as a district consumer would.
 */
public final class MqttRecorder implements AutoCloseable {
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

    private final MqttClient client;
    private final List<Message> messages = new ArrayList<>();

    public MqttRecorder(String uri, String filter, boolean persistentSession) throws MqttException {
        client = new MqttClient(uri, "recorder-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(!persistentSession);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(500);
        o.setMaxInflight(1000);
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (!persistentSession && reconnect) {
                    try {
                        client.subscribe(filter, 1);
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage m) {
                synchronized (messages) {
                    messages.add(new Message(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
                    messages.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        client.connect(o);
        client.subscribe(filter, 1);
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

    /** Publishes at QoS 1; if the broker dropped this client, waits up to 10 s for its automatic reconnect. */
    public void publish(String topic, String payload, boolean retained) throws MqttException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
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
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
