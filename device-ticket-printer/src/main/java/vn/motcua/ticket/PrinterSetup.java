package vn.motcua.ticket;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.transport.PrinterTransport;

/**
 * The printer of the identity's {@code hardware.printer} block, one setup per profile: on a Pi the ESC/POS driver
 * over the named transport; in the sim profile a {@link VirtualPrinter} (epson-tm-t82, code page mode by default)
 * behind the same driver, which is also the sim's control of the printer.
 */
public record PrinterSetup(EscPosPrinter printer, PrinterTransport transport, Optional<VirtualPrinter> virtual) {
    static final Duration SIM_STATUS_TIMEOUT = Duration.ofMillis(300);

    /** Builds the printer; nothing is opened yet (an absent printer shows as offline on the first status question). */
    public static PrinterSetup from(TicketPrinterHardware hardware, Clock clock) {
        PrinterProfile profile = hardware.printer().profile();
        if (hardware.wiring().profile() == HardwareWiring.Profile.SIM) {
            VirtualPrinter virtual = new VirtualPrinter(profile, clock);
            return new PrinterSetup(new EscPosPrinter(virtual, profile, SIM_STATUS_TIMEOUT), virtual, Optional.of(virtual));
        }
        PrinterTransport transport = hardware.printer().transport().orElseThrow(() ->
                new IllegalStateException("hardware.printer.transport is checked with the identity on a Pi")).open();
        return new PrinterSetup(new EscPosPrinter(transport, profile), transport, Optional.empty());
    }

    /** Where the printer is, for logs and the --check report. */
    public String describe() {
        return transport.describe();
    }
}
