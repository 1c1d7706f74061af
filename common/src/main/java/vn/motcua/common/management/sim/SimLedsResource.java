package vn.motcua.common.management.sim;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.Responses;

/** {@code GET /sim/leds}: {@code {"<led>":"on"|"off"|"blink"}}. */
public final class SimLedsResource extends CoapResource {
    private final Leds leds;

    public SimLedsResource(Leds leds) {
        super("leds");
        this.leds = leds;
        getAttributes().setTitle("simulated LEDs");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        var body = Json.object();
        leds.names().stream().sorted().forEach(n -> body.put(n, leds.state(n).wire()));
        Responses.json(exchange, ResponseCode.CONTENT, body);
    }
}
