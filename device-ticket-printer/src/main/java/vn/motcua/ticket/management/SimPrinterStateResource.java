package vn.motcua.ticket.management;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.tinylog.Logger;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code PUT /sim/printer-state} with {@code ok|paper-out|paper-near-end|cover-open|offline}: sets the virtual printer's condition. */
public final class SimPrinterStateResource extends CoapResource {
    private final VirtualPrinter printer;

    public SimPrinterStateResource(VirtualPrinter printer) {
        super("printer-state");
        this.printer = printer;
        getAttributes().setTitle("set the virtual printer's condition");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        exchange.respond(ResponseCode.CONTENT, printer.condition().wire());
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        String wire = exchange.getRequestText().strip();
        try {
            PrinterCondition condition = PrinterCondition.fromWire(wire);
            Logger.info("simulator sets the virtual printer to {}", condition.wire());
            printer.setCondition(condition);
            exchange.respond(ResponseCode.CHANGED);
        } catch (IllegalArgumentException e) {
            exchange.respond(ResponseCode.BAD_REQUEST, e.getMessage());
        }
    }
}
