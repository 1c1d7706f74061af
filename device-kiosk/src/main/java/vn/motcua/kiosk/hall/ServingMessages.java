package vn.motcua.kiosk.hall;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.common.json.Json;
import vn.motcua.common.uplink.InboundMessage;

/** Reads a {@code motcua/v1/{office}/serving/{counter}} message; anything malformed is rejected, never thrown. */
public final class ServingMessages {
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9-]{1,16}");

    /** One parsed serving message: the counter, the ticket (null: closed) and the district's timestamp. */
    public record Serving(int counter, String ticket, String ts) {
    }

    private ServingMessages() {
    }

    public static Optional<Serving> parse(InboundMessage message) {
        String topic = message.topic();
        int counter;
        try {
            counter = Integer.parseInt(topic.substring(topic.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (counter < 1 || counter > 999) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = Json.parse(message.text());
        } catch (Exception e) {
            return Optional.empty();
        }
        JsonNode ticket = body.path("ticket");
        if (!body.isObject() || !(ticket.isNull() || ticket.isTextual() && TICKET.matcher(ticket.asText()).matches())) {
            return Optional.empty();
        }
        String ts = body.path("ts").isTextual() ? body.path("ts").asText() : "";
        return Optional.of(new Serving(counter, ticket.isNull() ? null : ticket.asText(), ts.length() > 40 ? "" : ts));
    }
}
