package vn.motcua.ticket.management;

import java.util.List;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code GET /sim/printer/last.png}: the last printed document drawn as a PNG (4.04 before the first one). */
public final class SimPrinterPngResource implements DeviceResource {
    private final VirtualPrinter printer;

    public SimPrinterPngResource(VirtualPrinter printer) {
        this.printer = printer;
    }

    @Override
    public String title() {
        return "the last printed document as PNG";
    }

    @Override
    public Reply get() {
        List<PrintedDocument> docs = printer.documents();
        if (docs.isEmpty()) {
            return Reply.notFound("nothing printed yet");
        }
        return Reply.png(printer.renderPng(docs.get(docs.size() - 1)));
    }
}
