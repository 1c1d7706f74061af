package vn.motcua.kiosk.scanner;

import java.util.function.Consumer;

/** A barcode/QR reader that hands each scanned code, already sanitized, to one listener. */
public interface BarcodeReader {

    /** Sets who hears the scanned codes (called on the reader's thread); replaces any previous listener. */
    void setListener(Consumer<String> onScan);

    /** Starts reading; the reader reports faults and recovers by itself from then on. */
    void start();

    /** Stops reading and releases the device. */
    void stop();
}
