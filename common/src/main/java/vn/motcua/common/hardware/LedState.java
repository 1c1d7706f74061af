package vn.motcua.common.hardware;

import java.util.Locale;

/** What an LED does: steady on, off, or blinking at about 2 Hz. */
public enum LedState {
    ON, OFF, BLINK;

    /** The lower-case form used on the wire ({@code on}, {@code off}, {@code blink}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
