package vn.motcua.common.management.sim;

import java.util.List;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.Responses;

/** {@code GET /sim/display}: {@code {"lines":[...]}}, what the device's display shows now. */
public final class SimDisplayResource extends CoapResource {
    private final Supplier<List<String>> lines;

    public SimDisplayResource(Supplier<List<String>> lines) {
        super("display");
        this.lines = lines;
        getAttributes().setTitle("simulated display");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        var body = Json.object();
        var array = body.putArray("lines");
        lines.get().forEach(array::add);
        Responses.json(exchange, ResponseCode.CONTENT, body);
    }
}
