package vn.motcua.kiosk.scanner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.tinylog.Logger;

/** The sim profile's barcode reader: {@link #scan(String)} feeds text through the same sanitizer as a real reader. */
public final class SimBarcodeReader implements BarcodeReader {
    private final ScanDispatcher dispatcher = new ScanDispatcher("simulated barcode reader");
    private final ScanSanitizer sanitizer = new ScanSanitizer();
    private volatile boolean running;

    @Override
    public void setListener(Consumer<String> onScan) {
        dispatcher.setListener(onScan);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    /** Simulates scanning a code: the text as the reader would send it, followed by a line end. */
    public void scan(String text) {
        if (!running) {
            Logger.warn("simulated scan while the reader is stopped; ignoring it");
            return;
        }
        byte[] bytes = (text == null ? "" : text + "\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (sanitizer) {
            dispatcher.dispatch(sanitizer.feed(bytes));
        }
    }

    /** Simulates a reader sending these raw bytes followed by a line end (binary junk included). */
    public void scanBytes(byte[] raw) {
        if (!running) {
            Logger.warn("simulated scan while the reader is stopped; ignoring it");
            return;
        }
        byte[] bytes = Arrays.copyOf(raw, raw.length + 2);
        bytes[raw.length] = '\r';
        bytes[raw.length + 1] = '\n';
        synchronized (sanitizer) {
            dispatcher.dispatch(sanitizer.feed(bytes));
        }
    }

    /** Lines thrown away as garbage or overlong since start. */
    public long garbageCount() {
        return dispatcher.garbage();
    }
}
