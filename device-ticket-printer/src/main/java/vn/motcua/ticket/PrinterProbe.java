package vn.motcua.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.motcua.common.identity.Identity;
import vn.motcua.ticket.escpos.PrinterCondition;

/** The {@code --check} probe of the ticket printer: the device path exists and the printer answers a status query. */
final class PrinterProbe {
    private PrinterProbe() {
    }

    static List<String> probe(Identity identity, Clock clock) {
        PrinterSetup setup;
        try {
            setup = PrinterSetup.from(identity, clock);
        } catch (IllegalArgumentException e) {
            return List.of("printer: " + e.getMessage());
        }
        try {
            String uri = identity.hardware().path("printer").path("transport").asText("");
            if (!identity.simulated() && !uri.startsWith("tcp")) {
                String path = uri.substring(uri.indexOf(':') + 1).split("\\?", 2)[0];
                if (!Files.exists(Path.of(path))) {
                    return List.of("printer: device " + path + " does not exist (hardware.printer.transport " + uri
                            + "); is the printer plugged in and switched on?");
                }
            }
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
