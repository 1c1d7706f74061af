package vn.motcua.common.management;

import java.util.Locale;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.json.Json;

/** {@code /health}: the overall status and each component's, from the one health model. */
final class HealthResource extends CoapResource {
    private final HealthModel health;

    HealthResource(HealthModel health) {
        super("health");
        this.health = health;
        getAttributes().setTitle("health");
        getAttributes().addContentType(50);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        var body = Json.object().put("status", health.overall().name().toLowerCase(Locale.ROOT));
        var components = body.putObject("components");
        health.snapshot().forEach((name, status) -> components.put(name, status.wire()));
        Responses.json(exchange, ResponseCode.CONTENT, body);
    }
}
