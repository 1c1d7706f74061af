package vn.motcua.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.ticket.printer.PrinterCondition;

/** The {@code --check} probe of the ticket printer: the device path exists and the printer answers a status query. */
final class PrinterProbe {
    private PrinterProbe() {
    }

    static List<String> probe(TicketPrinterHardware hardware, Clock clock) {
        Optional<String> device = hardware.wiring().profile() == HardwareWiring.Profile.SIM ? Optional.empty()
                : hardware.printer().transport().flatMap(t -> t.devicePath());
        if (device.isPresent() && !Files.exists(Path.of(device.get()))) {
            return List.of("printer: device " + device.get() + " does not exist (hardware.printer.transport "
                    + hardware.printer().transport().get().text() + "); is the printer plugged in and switched on?");
        }
        PrinterSetup setup = PrinterSetup.from(hardware, clock);
        try {
            PrinterCondition condition = setup.printer().status();
            if (condition == PrinterCondition.OFFLINE) {
                return List.of("printer: " + setup.describe() + " does not answer status queries (offline)");
            }
            System.out.println("printer " + setup.describe() + ": " + condition.wire());
            return List.of();
        } finally {
            setup.transport().close();
        }
    }
}
