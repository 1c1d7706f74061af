package vn.motcua.kiosk.sim;

import java.util.List;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.Responses;

/** {@code GET /sim/announcements}: {@code {"announcements":[...]}}, every text announced since start, in order. */
public final class SimAnnouncementsResource extends CoapResource {
    private final Supplier<List<String>> announced;

    public SimAnnouncementsResource(Supplier<List<String>> announced) {
        super("announcements");
        this.announced = announced;
        getAttributes().setTitle("announcements made by the hall display");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        var body = Json.object();
        var list = body.putArray("announcements");
        announced.get().forEach(list::add);
        Responses.json(exchange, ResponseCode.CONTENT, body);
    }
}
