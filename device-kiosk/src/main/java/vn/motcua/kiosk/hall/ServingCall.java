package vn.motcua.kiosk.hall;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import vn.motcua.common.json.Json;

/**
 * The latest message of one counter's {@code serving/{counter}} topic.
 *
 * @param ticket the ticket called, or null when the counter is closed
 * @param ts     the district's timestamp as sent (may be empty)
 * @param seq    the board's arrival number, higher is newer
 */
public record ServingCall(int counter, String ticket, String ts, long seq) {
    public boolean open() {
        return ticket != null;
    }

    /** The {@code serving} event's data: {@code {"counter","ticket","ts"}}. */
    public ObjectNode json() {
        ObjectNode o = Json.object().put("counter", counter).put("ts", ts);
        return ticket == null ? o.putNull("ticket") : o.put("ticket", ticket);
    }

    /** Same counter, ticket and timestamp: a replay of what is already shown. */
    public boolean sameAs(ServingCall other) {
        return other != null && counter == other.counter && Objects.equals(ticket, other.ticket)
                && ts.equals(other.ts);
    }
}
