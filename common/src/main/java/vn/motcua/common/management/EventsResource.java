package vn.motcua.common.management;

import java.util.regex.Pattern;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;

/** {@code /events?after=N&limit=M}: recorded events with seq &gt; N, oldest first, so the district can pull what it missed. */
final class EventsResource extends CoapResource {
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private final EventLog events;

    EventsResource(EventLog events) {
        super("events");
        this.events = events;
        getAttributes().setTitle("event log: ?after=N&limit=M");
        getAttributes().addContentType(50);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        long after;
        long limit;
        try {
            after = parse(exchange.getQueryParameter("after"), 0);
            limit = parse(exchange.getQueryParameter("limit"), DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            Responses.error(exchange, ResponseCode.BAD_REQUEST, "after and limit must be whole numbers");
            return;
        }
        if (after < 0 || limit < 1 || limit > MAX_LIMIT) {
            Responses.error(exchange, ResponseCode.BAD_REQUEST, "after must be >= 0 and limit 1.." + MAX_LIMIT);
            return;
        }
        StringBuilder body = new StringBuilder("[");
        for (RecordedEvent e : events.readAfter(after, (int) limit)) {
            body.append(body.length() > 1 ? "," : "").append(e.envelope());
        }
        Responses.json(exchange, ResponseCode.CONTENT, body.append(']').toString());
    }

    /** Digits only (no sign, no spaces); a number beyond a long is a {@link NumberFormatException} too. */
    private static long parse(String text, long dflt) {
        if (text == null) {
            return dflt;
        }
        if (!DIGITS.matcher(text).matches()) {
            throw new NumberFormatException(text);
        }
        return Long.parseLong(text);
    }
}
