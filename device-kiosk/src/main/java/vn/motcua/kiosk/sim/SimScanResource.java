package vn.motcua.kiosk.sim;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.kiosk.scanner.SimBarcodeReader;

/** {@code POST /sim/scan}: the payload is what the simulated barcode reader sends, through the real sanitizer. */
public final class SimScanResource extends CoapResource {
    private final SimBarcodeReader reader;

    public SimScanResource(SimBarcodeReader reader) {
        super("scan");
        this.reader = reader;
        getAttributes().setTitle("scan with the simulated barcode reader: payload = scanned text");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        reader.scanBytes(exchange.getRequestPayload());
        exchange.respond(ResponseCode.CHANGED);
    }
}
