package vn.motcua.kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.runtime.DeviceThreads;
import vn.motcua.kiosk.hall.HallAnnouncer;
import vn.motcua.kiosk.scanner.BarcodeReader;
import vn.motcua.kiosk.scanner.SerialBarcodeReader;
import vn.motcua.kiosk.scanner.SimBarcodeReader;

/**
 * The kiosk's barcode reader and announcer, one setup per profile: a serial reader when {@code hardware.scanner}
 * names one (else none on a Pi: keyboard-wedge readers type into the screen, and the sim's reader in the sim
 * profile), and eSpeak or a recording speaker; in the sim profile also the controls the {@code /sim/*} resources use.
 */
record KioskPeripherals(Optional<BarcodeReader> reader, String scanSource, HallAnnouncer announcer,
                        Optional<SimControls> sim) {
    static final String SCANNER = "scanner";
    static final String SPEAKER = "speaker";
    static final Duration SCANNER_RETRY = Duration.ofSeconds(5);

    /** The sim profile's handles: the reader {@code POST /sim/scan} feeds (absent with a serial reader) and what was announced. */
    record SimControls(Optional<SimBarcodeReader> scanner, Supplier<List<String>> announced) {
    }

    /** {@code inputBeat} makes the serial reader's {@code input} heartbeat with the given deadline, if there is a reader. */
    static KioskPeripherals create(KioskHardware hardware, Path announceDir, Consumer<ComponentStatus> scannerHealth,
                                   Consumer<ComponentStatus> speakerHealth, Function<Duration, Heartbeat> inputBeat) {
        Optional<BarcodeReader> serial = hardware.scanner().map(s -> new SerialBarcodeReader(s.port(), s.baud(),
                SCANNER_RETRY, scannerHealth, inputBeat.apply(SerialBarcodeReader.DEADLINE),
                DeviceThreads.named("barcode-reader")));
        if (hardware.wiring().profile() == HardwareWiring.Profile.SIM) {
            HallAnnouncer announcer = HallAnnouncer.create(true, hardware.player(), announceDir, speakerHealth,
                    DeviceThreads.named("announcer"));
            Optional<SimBarcodeReader> simReader = serial.isPresent() ? Optional.empty() : Optional.of(new SimBarcodeReader());
            return new KioskPeripherals(serial.isPresent() ? serial : simReader.map(BarcodeReader.class::cast),
                    serial.isPresent() ? "serial" : "sim", announcer,
                    Optional.of(new SimControls(simReader, announcer::announced)));
        }
        HallAnnouncer announcer = HallAnnouncer.create(false, hardware.player(), announceDir, speakerHealth,
                DeviceThreads.named("announcer"));
        return new KioskPeripherals(serial, "serial", announcer, Optional.empty());
    }
}
