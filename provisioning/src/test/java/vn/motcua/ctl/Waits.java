package vn.motcua.ctl;

import java.time.Duration;
import java.util.Optional;

/** Polls something observable until it yields a value, or fails naming what was awaited. */
final class Waits {
    private static final long POLL_MILLIS = 250;

    /** One look at what is awaited: a value when it is there, empty when not yet. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> look() throws Exception;
    }

    private Waits() {
    }

    static <T> T until(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.look();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + what);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
