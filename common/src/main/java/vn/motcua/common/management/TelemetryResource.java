package vn.motcua.common.management;

import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** {@code /telemetry}: the telemetry document; observable, notified on hardware changes and every interval. */
public final class TelemetryResource extends CoapResource {
    private final Supplier<String> telemetry;

    public TelemetryResource(Supplier<String> telemetry) {
        super("telemetry");
        this.telemetry = telemetry;
        setObservable(true);
        getAttributes().setObservable();
        getAttributes().setTitle("telemetry");
        getAttributes().addContentType(50);
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        Responses.json(exchange, ResponseCode.CONTENT, telemetry.get());
    }
}
