package vn.motcua.common.hardware;

import java.util.Set;

/** The device's named indicator LEDs. */
public interface Leds {
    /** Sets one LED; a name that is not wired is ignored. */
    void set(String name, LedState state);

    /** The state last set for an LED ({@link LedState#OFF} for one never set or not wired). */
    LedState state(String name);

    /** The configured LED names, in wiring order. */
    Set<String> names();

    /** Sets every LED to the same state. */
    default void setAll(LedState state) {
        for (String name : names()) {
            set(name, state);
        }
    }
}
