package vn.motcua.common.hardware;

import java.time.Clock;

/**
 * Debounces one button fed with level samples from both edge events and polling: a change of level is
 * accepted at once, then every sample is ignored for {@code debounceMillis} (contact bounce), and a
 * sample equal to the accepted level changes nothing, so a press seen by an edge and by a poll counts once.
 * A level that settles during the quiet period is picked up by the next sample after it (the poll).
 */
public final class Debouncer {
    /** What one sample changed. */
    public enum Change { NONE, PRESSED, RELEASED }

    private final Clock clock;
    private final long debounceMillis;
    private boolean pressed;
    private long lastChangeMillis;
    private boolean changedBefore;

    public Debouncer(Clock clock, long debounceMillis, boolean initiallyPressed) {
        if (debounceMillis < 0) {
            throw new IllegalArgumentException("debounceMillis must not be negative");
        }
        this.clock = clock;
        this.debounceMillis = debounceMillis;
        this.pressed = initiallyPressed;
    }

    /** Feeds one sample of the contact (true = closed); returns the accepted change, if any. */
    public synchronized Change observe(boolean closed) {
        if (closed == pressed) {
            return Change.NONE;
        }
        long now = clock.millis();
        if (changedBefore && now - lastChangeMillis < debounceMillis) {
            return Change.NONE;
        }
        pressed = closed;
        lastChangeMillis = now;
        changedBefore = true;
        return closed ? Change.PRESSED : Change.RELEASED;
    }

    /** The accepted level: true while the button counts as held down. */
    public synchronized boolean pressed() {
        return pressed;
    }
}
