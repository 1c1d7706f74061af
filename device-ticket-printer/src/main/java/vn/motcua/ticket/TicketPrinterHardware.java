package vn.motcua.ticket;

import java.util.Optional;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.KindHardware;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.transport.TransportUri;

/** The ticket printer's hardware block: buttons, LEDs and LCD, and the receipt printer. */
public record TicketPrinterHardware(HardwareWiring wiring, Printer printer) implements KindHardware {
    /** Reads and checks the block; the runtime, {@code --check} and motcua-setup's validation use it. */
    public static final HardwareModel<TicketPrinterHardware> MODEL = new TicketPrinterHardwareModel();

    /**
     * {@code hardware.printer}: where the printer is (required on a Pi; the sim profile prints to a virtual printer)
     * and its model's profile, with the mode the identity chose.
     */
    public record Printer(Optional<TransportUri> transport, PrinterProfile profile) {
    }
}
