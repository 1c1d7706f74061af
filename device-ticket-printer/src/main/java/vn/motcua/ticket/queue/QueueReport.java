package vn.motcua.ticket.queue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import vn.motcua.common.json.Json;

/** The district's count of one service's queue (SPEC section 4, v1.1): how many wait, the service time, when. */
public record QueueReport(String service, int waiting, long avgServiceSeconds, Instant ts) {

    /** Parses a {@code queue/{service}} message; empty when it is not one (a field missing, negative or mistyped). */
    public static Optional<QueueReport> parse(String payload) {
        try {
            JsonNode j = Json.parse(payload);
            JsonNode service = j.path("service");
            JsonNode waiting = j.path("waiting");
            JsonNode avg = j.path("avgServiceSeconds");
            if (!service.isTextual() || service.asText().isBlank() || !waiting.isIntegralNumber() || waiting.asInt() < 0
                    || !avg.isNumber() || avg.asDouble() < 0 || !j.path("ts").isTextual()) {
                return Optional.empty();
            }
            Instant ts = OffsetDateTime.parse(j.path("ts").asText()).toInstant();
            return Optional.of(new QueueReport(service.asText(), waiting.asInt(), Math.round(avg.asDouble()), ts));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The estimated wait in whole minutes (rounded up); empty when nobody waits or no service time is known yet. */
    public OptionalLong waitMinutes() {
        if (waiting == 0 || avgServiceSeconds == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((waiting * avgServiceSeconds + 59) / 60);
    }
}
