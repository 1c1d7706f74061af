package vn.motcua.common.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;

/**
 * The device's subscription to its own events and state, through which it sees what the broker passes on: an event
 * that comes back (its {@code eventId} is this device's and state's) is confirmed to the drainer, a birth that comes
 * back to the birth watch; a filter the broker refuses is reported.
 */
final class OwnTopics {
    /**
     * Own events come back at QoS 0: fewer packets for the broker and the device (the drain was a fifth faster than at
     * QoS 1); one lost on the way back is sent again after the drain's bound, never lost.
     */
    static final int EVENTS_QOS = 0;

    private final String eventPrefix;
    private final String stateTopic;
    private final String eventIdPrefix;
    private final OutboxDrainer drainer;
    private final BirthWatch birth;
    private final MqttHealth health;

    OwnTopics(String topicRoot, String eventIdPrefix, OutboxDrainer drainer, BirthWatch birth, MqttHealth health) {
        this.eventPrefix = topicRoot + "/event/";
        this.stateTopic = topicRoot + "/state";
        this.eventIdPrefix = eventIdPrefix;
        this.drainer = drainer;
        this.birth = birth;
        this.health = health;
    }

    /** Subscribes on a new connection and waits for the broker's answer. */
    void subscribe(MqttAsyncClient c) throws MqttException {
        String[] filters = {eventPrefix + "#", stateTopic};
        IMqttToken token = c.subscribe(filters, new int[] {EVENTS_QOS, 1});
        token.waitForCompletion(10_000);
        int[] granted = token.getGrantedQos();
        String refused = null;
        for (int i = 0; i < filters.length && granted != null; i++) {
            if (i < granted.length && granted[i] == 0x80) {
                refused = filters[i];
                Logger.warn("the broker refused the subscription to {} (its ACL must let this device read its own "
                        + "topics); events stay in the outbox until it passes them on", filters[i]);
                break;
            }
        }
        health.subscription(refused);
    }

    /** Whether a message on {@code topic} is one of the device's own coming back. */
    boolean owns(String topic) {
        return topic.startsWith(eventPrefix) || topic.equals(stateTopic);
    }

    /** An event or the state coming back. Called on the client's thread. */
    void arrived(String topic, byte[] payload) {
        try {
            JsonNode node = Json.MAPPER.readTree(payload);
            if (topic.startsWith(eventPrefix)) {
                long seq = node.path("seq").asLong(-1);
                if (seq > 0 && (eventIdPrefix + seq).equals(node.path("eventId").asText())) {
                    drainer.confirmed(seq);
                }
            } else {
                birth.received(node.path("session").asLong(-1), "online".equals(node.path("status").asText()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            Logger.debug("ignoring an unreadable message on the device's own topic {}: {}", topic, e.getMessage());
        }
    }
}
