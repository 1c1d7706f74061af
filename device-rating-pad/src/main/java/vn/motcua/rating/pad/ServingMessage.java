package vn.motcua.rating.pad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tinylog.Logger;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.common.json.Json;
import vn.motcua.rating.session.Serving;

/**
 * Reads the district's {@code serving/{counter}} message {@code {"counter":5,"ticket":"A012","ts"}}: a ticket, or
 * {@code "ticket": null} for a closed counter. The served ticket's business day comes from {@code ts}, or from
 * the time it arrived when {@code ts} is missing or unreadable.
 */
public final class ServingMessage {
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9-]{1,12}");

    private ServingMessage() {
    }

    /** The serving state in a payload for this counter; empty (and logged) when the payload is not one. */
    public static Optional<Serving> parse(String payload, int counter, BusinessDay days, Instant received) {
        JsonNode n;
        try {
            n = payload.isBlank() ? null : Json.parse(payload);
        } catch (JsonProcessingException e) {
            n = null;
        }
        if (n == null || !n.isObject() || !n.has("ticket")) {
            Logger.warn("ignoring a serving message without a ticket field (counter, ticket, ts): {}", shorten(payload));
            return Optional.empty();
        }
        if (n.has("counter") && n.get("counter").asInt(-1) != counter) {
            Logger.warn("ignoring a serving message for counter {} (this pad is counter {})", n.get("counter"), counter);
            return Optional.empty();
        }
        String ts = n.path("ts").isTextual() ? n.get("ts").asText() : null;
        JsonNode ticket = n.get("ticket");
        if (ticket.isNull()) {
            return Optional.of(Serving.closed(ts));
        }
        if (!ticket.isTextual() || !TICKET.matcher(ticket.asText()).matches()) {
            Logger.warn("ignoring a serving message with an unusable ticket {}", ticket);
            return Optional.empty();
        }
        return Optional.of(new Serving(ticket.asText(), days.of(Serving.instant(ts).orElse(received)), ts));
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
