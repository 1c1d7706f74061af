package vn.motcua.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareReader;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.ticket.dispense.TicketPanel;
import vn.motcua.ticket.escpos.PrintMode;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.PrinterProfiles;
import vn.motcua.ticket.transport.TransportUri;

/** Reads {@code hardware.printer {transport, model, mode}}; the model must be a bundled profile. */
final class TicketPrinterHardwareModel implements HardwareModel<TicketPrinterHardware> {
    static final String DEFAULT_MODEL = "xprinter-80";
    static final String DEFAULT_SIM_MODEL = "epson-tm-t82";
    private static final String PATH = "hardware.printer";
    private static final Set<String> PRINTER_FIELDS = Set.of("transport", "model", "mode");

    @Override
    public Set<String> fields() {
        return Set.of("printer");
    }

    @Override
    public SimWiring simWiring() {
        return new SimWiring(List.of("A", "B", "C", "D"), List.of("A", "B", "C", "D", TicketPanel.STATUS_LED));
    }

    @Override
    public TicketPrinterHardware read(JsonNode block, HardwareWiring wiring, HardwareReader reader) {
        boolean sim = wiring.profile() == HardwareWiring.Profile.SIM;
        JsonNode printer = reader.object(block.get("printer"), PATH, "{transport, model, mode}")
                .orElse(MissingNode.getInstance());
        if (printer.isObject()) {
            reader.onlyKnown(printer, PATH, PRINTER_FIELDS);
        }
        Optional<TransportUri> transport = transport(printer, sim, reader);
        PrinterProfile profile = profile(printer, sim ? DEFAULT_SIM_MODEL : DEFAULT_MODEL, reader);
        return new TicketPrinterHardware(wiring, new TicketPrinterHardware.Printer(transport, profile));
    }

    private static Optional<TransportUri> transport(JsonNode printer, boolean sim, HardwareReader reader) {
        Optional<String> text = reader.text(printer.get("transport"), PATH + ".transport");
        if (text.isEmpty()) {
            if (!sim && !printer.hasNonNull("transport")) {
                reader.error(PATH + ".transport", "is required on a Pi; expected " + TransportUri.FORMS);
            }
            return Optional.empty();
        }
        try {
            return Optional.of(TransportUri.parse(text.get()));
        } catch (IllegalArgumentException e) {
            reader.error(PATH + ".transport", e.getMessage());
            return Optional.empty();
        }
    }

    private static PrinterProfile profile(JsonNode printer, String defaultModel, HardwareReader reader) {
        String model = reader.text(printer.get("model"), PATH + ".model").orElse(defaultModel);
        PrinterProfile profile;
        try {
            profile = PrinterProfiles.bundled().get(model);
        } catch (IllegalArgumentException e) {
            reader.error(PATH + ".model", e.getMessage());
            return null;
        }
        Optional<String> mode = reader.text(printer.get("mode"), PATH + ".mode");
        try {
            return mode.isPresent() ? profile.withMode(PrintMode.fromWire(mode.get())) : profile;
        } catch (IllegalArgumentException e) {
            reader.error(PATH + ".mode", e.getMessage());
            return null;
        }
    }
}
