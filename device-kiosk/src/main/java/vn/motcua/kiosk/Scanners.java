package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.kiosk.scanner.BarcodeReader;
import vn.motcua.kiosk.scanner.SerialBarcodeReader;
import vn.motcua.kiosk.scanner.SimBarcodeReader;

/** Picks the kiosk's barcode reader from the identity: serial when {@code hardware.scanner} is set, else the sim's. */
final class Scanners {
    static final String COMPONENT = "scanner";
    static final Duration RETRY = Duration.ofSeconds(5);
    static final int DEFAULT_BAUD = 9600;

    private Scanners() {
    }

    /** The serial port and baud of {@code hardware.scanner}, if one is configured. */
    static Optional<SerialSettings> serial(JsonNode hardware) {
        JsonNode scanner = hardware.path("scanner");
        if (!scanner.path("port").isTextual() || scanner.path("port").asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SerialSettings(scanner.path("port").asText(), scanner.path("baud").asInt(DEFAULT_BAUD)));
    }

    /** The reader to use, or empty for a Pi without a serial reader (keyboard-wedge readers type into the UI). */
    static Optional<BarcodeReader> create(JsonNode hardware, boolean simulated, Consumer<ComponentStatus> health) {
        Optional<SerialSettings> serial = serial(hardware);
        if (serial.isPresent()) {
            return Optional.of(new SerialBarcodeReader(serial.get().port(), serial.get().baud(), RETRY, health));
        }
        return simulated ? Optional.of(new SimBarcodeReader()) : Optional.empty();
    }

    /** A serial reader's port and speed. */
    record SerialSettings(String port, int baud) {
    }
}
