package vn.motcua.office.district;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.json.Json;

/** Keeps what the district published, for assertions. */
final class RecordingPublisher implements Publisher {
    record Sent(String topic, String payload, boolean retained) {
        JsonNode json() {
            try {
                return Json.parse(payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    final List<Sent> sent = new ArrayList<>();

    @Override
    public boolean publish(String topic, String payload, boolean retained) {
        sent.add(new Sent(topic, payload, retained));
        return true;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    /** The last message on a topic starting with this prefix (the queues follow a call's serving message). */
    Sent lastOn(String prefix) {
        return sent.stream().filter(m -> m.topic().startsWith(prefix)).reduce((a, b) -> b).orElseThrow();
    }
}
