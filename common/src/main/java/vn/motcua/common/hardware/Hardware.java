package vn.motcua.common.hardware;

import java.util.Optional;

/**
 * A device's built buttons, LEDs and optional text display (see {@link HardwareFactory}); in the sim profile
 * they are the sim adapters ({@code instanceof SimButtons} etc.). Closing stops them and releases the GPIO.
 */
public final class Hardware implements AutoCloseable {
    private final HardwareWiring.Profile profile;
    private final Buttons buttons;
    private final Leds leds;
    private final TextDisplay display;
    private final Runnable closer;

    Hardware(HardwareWiring.Profile profile, Buttons buttons, Leds leds, TextDisplay display, Runnable closer) {
        this.profile = profile;
        this.buttons = buttons;
        this.leds = leds;
        this.display = display;
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

    @Override
    public void close() {
        closer.run();
    }
}
