package vn.motcua.ticket.management;

import java.nio.charset.StandardCharsets;
import org.tinylog.Logger;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Reply;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.sim.VirtualPrinter;

/** {@code PUT /sim/printer-state} with {@code ok|paper-out|paper-near-end|cover-open|offline}: sets the virtual printer's condition. */
public final class SimPrinterStateResource implements DeviceResource {
    private final VirtualPrinter printer;

    public SimPrinterStateResource(VirtualPrinter printer) {
        this.printer = printer;
    }

    @Override
    public String title() {
        return "set the virtual printer's condition";
    }

    @Override
    public Reply get() {
        return Reply.text(printer.condition().wire());
    }

    @Override
    public Reply put(byte[] body) {
        String wire = new String(body, StandardCharsets.UTF_8).strip();
        try {
            PrinterCondition condition = PrinterCondition.fromWire(wire);
            Logger.info("simulator sets the virtual printer to {}", condition.wire());
            printer.setCondition(condition);
            return Reply.changed();
        } catch (IllegalArgumentException e) {
            return Reply.badRequest(e.getMessage());
        }
    }
}
