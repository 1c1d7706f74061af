package vn.motcua.ticket.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.common.json.Json;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code GET /sim/printer}: the virtual printer's last 100 documents as UTF-8 text, oldest first. */
public final class SimPrinterResource implements DeviceResource {
    private final VirtualPrinter printer;

    public SimPrinterResource(VirtualPrinter printer) {
        this.printer = printer;
    }

    @Override
    public String title() {
        return "documents printed by the virtual printer";
    }

    @Override
    public Reply get() {
        ObjectNode body = Json.object();
        ArrayNode docs = body.putArray("documents");
        for (PrintedDocument d : printer.documents()) {
            docs.addObject().put("text", d.text());
        }
        return Reply.json(body);
    }
}
