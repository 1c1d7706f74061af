package vn.motcua.common.hardware;

import java.util.Optional;
import vn.motcua.common.hardware.sim.SimControls;

/**
 * A device's built buttons, LEDs and optional text display (see {@link HardwareFactory}); in the sim profile also
 * the controls that drive and read them. Closing stops them and releases the GPIO.
 */
public final class Hardware implements AutoCloseable {
    private final HardwareWiring.Profile profile;
    private final Buttons buttons;
    private final Leds leds;
    private final TextDisplay display;
    private final Optional<SimControls> sim;
    private final Runnable closer;

    Hardware(HardwareWiring.Profile profile, Buttons buttons, Leds leds, TextDisplay display,
             Optional<SimControls> sim, Runnable closer) {
        this.profile = profile;
        this.buttons = buttons;
        this.leds = leds;
        this.display = display;
        this.sim = sim;
        this.closer = closer;
    }

    public HardwareWiring.Profile profile() {
        return profile;
    }

    public Buttons buttons() {
        return buttons;
    }

    public Leds leds() {
        return leds;
    }

    /** The text display: the LCD when one is wired; always present in the sim profile. */
    public Optional<TextDisplay> display() {
        return Optional.ofNullable(display);
    }

    /** The simulated buttons, LEDs and display to drive and read; empty on a Pi. */
    public Optional<SimControls> sim() {
        return sim;
    }

    @Override
    public void close() {
        closer.run();
    }
}
