package vn.motcua.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import vn.motcua.common.identity.Identity;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrintMode;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.PrinterProfiles;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.transport.PrinterTransport;
import vn.motcua.ticket.transport.PrinterTransports;

/**
 * The printer named by the identity's {@code hardware.printer} block ({@code transport}, {@code model}, optional
 * {@code mode}); in the sim profile a {@link VirtualPrinter} (epson-tm-t82, code page mode by default) behind the
 * same ESC/POS driver.
 */
public record PrinterSetup(EscPosPrinter printer, PrinterTransport transport, Optional<VirtualPrinter> virtual) {
    public static final String DEFAULT_MODEL = "xprinter-80";
    public static final String DEFAULT_SIM_MODEL = "epson-tm-t82";
    static final Duration SIM_STATUS_TIMEOUT = Duration.ofMillis(300);

    /** Builds the printer; throws IllegalArgumentException naming the field when the block is wrong. */
    public static PrinterSetup from(Identity identity, Clock clock) {
        JsonNode block = identity.hardware().path("printer");
        PrinterProfile profile = profile(block, identity.simulated() ? DEFAULT_SIM_MODEL : DEFAULT_MODEL);
        if (identity.simulated()) {
            VirtualPrinter virtual = new VirtualPrinter(profile, clock);
            return new PrinterSetup(new EscPosPrinter(virtual, profile, SIM_STATUS_TIMEOUT), virtual, Optional.of(virtual));
        }
        String uri = block.path("transport").asText("");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("hardware.printer.transport is missing; e.g. serial:/dev/ttyUSB0?baud=115200");
        }
        PrinterTransport transport;
        try {
            transport = PrinterTransports.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hardware.printer.transport: " + e.getMessage(), e);
        }
        return new PrinterSetup(new EscPosPrinter(transport, profile), transport, Optional.empty());
    }

    private static PrinterProfile profile(JsonNode block, String defaultModel) {
        try {
            PrinterProfile profile = PrinterProfiles.bundled().get(block.path("model").asText(defaultModel));
            return block.has("mode") ? profile.withMode(PrintMode.fromWire(block.path("mode").asText())) : profile;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hardware.printer: " + e.getMessage(), e);
        }
    }

    /** Where the printer is, for logs and the --check report. */
    public String describe() {
        return transport.describe();
    }
}
