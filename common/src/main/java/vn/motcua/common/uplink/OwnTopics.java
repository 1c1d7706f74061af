package vn.motcua.common.uplink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
            if (topic.startsWith(eventPrefix)) {
                long seq = ownSeq(payload);
                if (seq > 0) {
                    drainer.confirmed(seq);
                }
            } else {
                JsonNode node = Json.parse(payload);
                birth.received(node.path("session").asLong(-1), "online".equals(node.path("status").asText()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            Logger.debug("ignoring an unreadable message on the device's own topic {}: {}", topic, e.getMessage());
        }
    }

    /**
     * The seq of an envelope this device and state sent, or -1: reads the envelope's leading fields with Jackson's
     * streaming parser and stops once it has {@code eventId} and {@code seq} (one for every event drained).
     */
    private long ownSeq(byte[] payload) throws java.io.IOException {
        String eventId = null;
        long seq = -1;
        try (JsonParser p = Json.factory().createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (eventId == null || seq < 0)) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("eventId".equals(field) && value == JsonToken.VALUE_STRING) {
                    eventId = p.getText();
                } else if ("seq".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    seq = p.getLongValue();
                } else {
                    p.skipChildren();
                }
            }
        }
        return seq > 0 && (eventIdPrefix + seq).equals(eventId) ? seq : -1;
    }
}
