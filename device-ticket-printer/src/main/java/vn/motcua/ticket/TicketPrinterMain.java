package vn.motcua.ticket;

import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.runtime.DeviceMain;

/** Entry point of the ticket printer runtime. */
public final class TicketPrinterMain {
    private TicketPrinterMain() {
    }

    public static void main(String[] args) {
        System.exit(DeviceMain.run(args, DeviceKind.TICKET_PRINTER, TicketPrinterHardware.MODEL,
                TicketPrinterApp::new));
    }
}
