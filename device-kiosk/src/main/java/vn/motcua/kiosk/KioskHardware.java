package vn.motcua.kiosk;

import java.util.List;
import java.util.Optional;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.KindHardware;

/**
 * The kiosk's hardware block: the screen's HTTP port, the barcode reader (a serial one, or none for a keyboard-wedge
 * reader that types into the screen), the announcement player, and the common LEDs and LCD.
 */
public record KioskHardware(HardwareWiring wiring, int screenPort, Optional<SerialScanner> scanner,
                            Optional<List<String>> player) implements KindHardware {
    /** Reads and checks the block; the runtime, {@code --check} and motcua-setup's validation use it. */
    public static final HardwareModel<KioskHardware> MODEL = new KioskHardwareModel();

    /** {@code hardware.scanner}: a serial (USB CDC or UART) barcode reader's port and speed. */
    public record SerialScanner(String port, int baud) {
    }
}
