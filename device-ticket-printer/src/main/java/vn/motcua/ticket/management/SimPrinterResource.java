package vn.motcua.ticket.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.Responses;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code GET /sim/printer}: the virtual printer's last 100 documents as UTF-8 text, oldest first. */
public final class SimPrinterResource extends CoapResource {
    private final VirtualPrinter printer;

    public SimPrinterResource(VirtualPrinter printer) {
        super("printer");
        this.printer = printer;
        getAttributes().setTitle("documents printed by the virtual printer");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        ObjectNode body = Json.object();
        ArrayNode docs = body.putArray("documents");
        for (PrintedDocument d : printer.documents()) {
            docs.addObject().put("text", d.text());
        }
        Responses.json(exchange, ResponseCode.CONTENT, body);
    }
}
