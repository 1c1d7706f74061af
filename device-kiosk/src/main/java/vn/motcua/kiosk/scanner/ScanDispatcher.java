package vn.motcua.kiosk.scanner;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tinylog.Logger;

/** Passes a reader's sanitized lines on: codes to the listener, garbage to the log and a counter. */
final class ScanDispatcher {
    private final String source;
    private volatile Consumer<String> listener = code -> { };
    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();

    ScanDispatcher(String source) {
        this.source = source;
    }

    void setListener(Consumer<String> onScan) {
        listener = onScan == null ? code -> { } : onScan;
    }

    void dispatch(List<ScanResult> results) {
        for (ScanResult r : results) {
            if (!r.valid()) {
                garbage.incrementAndGet();
                Logger.warn("{} sent an unreadable scan ({}); ignoring it and reading on", source, r.invalidReason());
                continue;
            }
            scans.incrementAndGet();
            Logger.info("{} scanned '{}'", source, r.code());
            try {
                listener.accept(r.code());
            } catch (RuntimeException e) {
                Logger.error(e, "scan listener failed on '{}'; reading on", r.code());
            }
        }
    }

    long scans() {
        return scans.get();
    }

    long garbage() {
        return garbage.get();
    }
}
