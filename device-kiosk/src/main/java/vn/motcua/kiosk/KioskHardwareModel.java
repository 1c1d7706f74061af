package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareReader;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.kiosk.screen.ScreenServer;

/** Reads {@code hardware.screen {httpPort}}, {@code hardware.scanner {port, baud}} and {@code hardware.speaker {player}}. */
final class KioskHardwareModel implements HardwareModel<KioskHardware> {
    static final int DEFAULT_BAUD = 9600;

    @Override
    public Set<String> fields() {
        return Set.of("screen", "scanner", "speaker");
    }

    @Override
    public SimWiring simWiring() {
        return new SimWiring(List.of(), List.of("status"));
    }

    @Override
    public KioskHardware read(JsonNode block, HardwareWiring wiring, HardwareReader reader) {
        JsonNode screen = object(block, "screen", "{httpPort}", Set.of("httpPort"), reader);
        int port = reader.integer(screen.get("httpPort"), "hardware.screen.httpPort", ScreenServer.DEFAULT_PORT, 0, 65535);
        JsonNode speaker = object(block, "speaker", "{player}", Set.of("player"), reader);
        Optional<List<String>> player = reader.texts(speaker.get("player"), "hardware.speaker.player");
        return new KioskHardware(wiring, port, scanner(block, reader), player);
    }

    private static Optional<KioskHardware.SerialScanner> scanner(JsonNode block, HardwareReader reader) {
        if (!block.hasNonNull("scanner")) {
            return Optional.empty();
        }
        JsonNode scanner = object(block, "scanner", "{port, baud}", Set.of("port", "baud"), reader);
        Optional<String> port = reader.text(scanner.get("port"), "hardware.scanner.port");
        int baud = reader.integer(scanner.get("baud"), "hardware.scanner.baud", DEFAULT_BAUD, 1200, 921600);
        if (scanner.isObject() && port.isEmpty() && !scanner.hasNonNull("port")) {
            reader.error("hardware.scanner.port", "is required: the serial reader's device, e.g. /dev/ttyACM0 "
                    + "(leave hardware.scanner out for a keyboard-wedge reader)");
        }
        if (port.isPresent() && !port.get().startsWith("/dev/")) {
            reader.error("hardware.scanner.port", "must be a device path like /dev/ttyACM0 (got \"" + port.get() + "\")");
        }
        return port.map(p -> new KioskHardware.SerialScanner(p, baud));
    }

    private static JsonNode object(JsonNode block, String field, String shape, Set<String> known, HardwareReader reader) {
        Optional<JsonNode> node = reader.object(block.get(field), "hardware." + field, shape);
        node.ifPresent(n -> reader.onlyKnown(n, "hardware." + field, known));
        return node.orElse(MissingNode.getInstance());
    }
}
