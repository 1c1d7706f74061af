package vn.motcua.ticket.management;

import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code GET /sim/printer/last.png}: the last printed document drawn as a PNG (4.04 before the first one). */
public final class SimPrinterPngResource extends CoapResource {
    private final VirtualPrinter printer;

    public SimPrinterPngResource(VirtualPrinter printer) {
        super("last.png");
        this.printer = printer;
        getAttributes().setTitle("the last printed document as PNG");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        List<PrintedDocument> docs = printer.documents();
        if (docs.isEmpty()) {
            exchange.respond(ResponseCode.NOT_FOUND, "nothing printed yet");
            return;
        }
        exchange.respond(ResponseCode.CONTENT, printer.renderPng(docs.get(docs.size() - 1)), MediaTypeRegistry.IMAGE_PNG);
    }
}
