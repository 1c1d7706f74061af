package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.eclipse.paho.client.mqttv3.MqttException;
import vn.motcua.common.testing.MqttRecorder;

/**
 * The district's side on a real Mosquitto: a durable subscriber (persistent session, QoS 1) on {@code R/event/#} that
 * collects every event, and a plain one on the retained {@code R/state} (births and wills).
 */
final class DistrictSubscriber implements AutoCloseable {
    private final MqttRecorder events;
    private final MqttRecorder state;

    DistrictSubscriber(String brokerUri, String topicRoot) throws MqttException {
        events = new MqttRecorder(brokerUri, topicRoot + "/event/#", true);
        state = new MqttRecorder(brokerUri, topicRoot + "/state", false);
    }

    /** Waits for the {@code count}-th event of {@code type} whose data has {@code field} = {@code value}; returns its data. */
    JsonNode awaitEvent(String type, String field, String value, int count, Duration timeout) throws InterruptedException {
        List<MqttRecorder.Message> found = events.await(eventOf(type, field, value), count, timeout);
        return found.get(count - 1).json().path("data");
    }

    JsonNode awaitEvent(String type, String field, String value, Duration timeout) throws InterruptedException {
        return awaitEvent(type, field, value, 1, timeout);
    }

    long countEvents(String type, String field, String value) {
        return events.matching(eventOf(type, field, value)).size();
    }

    private static Predicate<MqttRecorder.Message> eventOf(String type, String field, String value) {
        return m -> {
            JsonNode e = m.json();
            return e.path("type").asText().equals(type) && (field == null || e.path("data").path(field).asText().equals(value));
        };
    }

    /** Waits for the {@code count}-th birth ({@code status online}) that names {@code version}. */
    void awaitBirth(String version, int count, Duration timeout) throws InterruptedException {
        state.await(m -> !m.payload().isEmpty() && m.json().path("status").asText().equals("online")
                && m.json().path("version").asText().equals(version), count, timeout);
    }

    long births(String version) {
        return state.matching(m -> !m.payload().isEmpty() && m.json().path("status").asText().equals("online")
                && m.json().path("version").asText().equals(version)).size();
    }

    /**
     * What a consumer that connects now gets first on {@code R/state}: the retained birth; waits until it names
     * {@code version} and says online.
     */
    static void awaitRetainedBirth(String brokerUri, String topicRoot, String version, Duration timeout)
            throws MqttException, InterruptedException {
        try (MqttRecorder fresh = new MqttRecorder(brokerUri, topicRoot + "/state", false)) {
            fresh.await(m -> m.retained() && !m.payload().isEmpty() && m.json().path("status").asText().equals("online")
                    && m.json().path("version").asText().equals(version), 1, timeout);
        }
    }

    /** Every event received, in arrival order (duplicates included). */
    List<JsonNode> events() {
        return events.messages().stream().map(MqttRecorder.Message::json).toList();
    }

    /** The distinct seqs received. */
    TreeSet<Long> seqs() {
        return events().stream().map(e -> e.path("seq").asLong()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The subscriber holds seq 1..N without a hole (duplicates allowed), and every event the device recorded
     * ({@code recorded}, from GET /events) arrived with the same id and type.
     */
    void assertEveryEventArrivedGapless(List<JsonNode> recorded) {
        TreeSet<Long> seqs = seqs();
        assertThat(seqs).as("events received").isNotEmpty();
        List<Long> expected = LongStream.rangeClosed(1, seqs.last()).boxed().toList();
        assertThat(List.copyOf(seqs)).as("seqs received by the durable subscriber (holes = lost events); types: %s", typesBySeq())
                .containsExactlyElementsOf(expected);
        for (JsonNode e : recorded) {
            long seq = e.path("seq").asLong();
            assertThat(events()).as("event %s recorded by the device reached the subscriber", e)
                    .anyMatch(m -> m.path("seq").asLong() == seq && m.path("eventId").equals(e.path("eventId"))
                            && m.path("type").equals(e.path("type")));
        }
    }

    /** "seq type" per distinct event, for messages. */
    String typesBySeq() {
        return events().stream().collect(Collectors.toMap(e -> e.path("seq").asLong(), e -> e.path("type").asText(), (a, b) -> a,
                java.util.TreeMap::new)).toString();
    }

    @Override
    public void close() {
        events.close();
        state.close();
    }
}
