package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttException;
import vn.motcua.common.json.Json;
import vn.motcua.district.BrokerLink;

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

    private final List<Message> messages = new ArrayList<>();
    private final BrokerLink link;

    /** Connects and subscribes, or throws; after a lost connection it connects again by itself. */
    public MqttRecorder(String uri, String filter, boolean persistentSession) throws MqttException {
        link = new BrokerLink(new BrokerLink.Settings(uri, "recorder-" + System.nanoTime(), filter, persistentSession,
                null, null, Duration.ofMillis(200)), (topic, payload, retained) -> {
                    synchronized (messages) {
                        messages.add(new Message(topic, new String(payload, StandardCharsets.UTF_8), retained));
                        messages.notifyAll();
                    }
                });
        // Moquette now and then closes a connection it has just accepted ("SUBSCRIBE received on already closed
        // connection"), when another client connects at the same moment: try again for a few seconds
        retrying(Duration.ofSeconds(10), link::connect);
        link.keepConnected();
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
        retrying(Duration.ofSeconds(20),
                () -> link.publishAndWait(topic, payload.getBytes(StandardCharsets.UTF_8), retained, Duration.ofSeconds(5)));
    }

    private interface MqttAction {
        void run() throws MqttException;
    }

    /** Runs {@code action} until it succeeds, every 200 ms; its last failure is thrown after {@code within}. */
    private static void retrying(Duration within, MqttAction action) throws MqttException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                action.run();
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
    public void close() {
        link.close();
    }
}
