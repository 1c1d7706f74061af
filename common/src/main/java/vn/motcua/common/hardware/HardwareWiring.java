package vn.motcua.common.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a device's buttons, LEDs and LCD are wired, read from the identity file's {@code hardware} block:
 * BCM pin numbers, buttons active-low with the internal pull-up, LEDs active-high.
 */
public record HardwareWiring(Profile profile, Map<String, Integer> buttons, Map<String, Integer> leds,
                             int debounceMillis, Optional<Lcd> lcd) {
    public static final int DEFAULT_DEBOUNCE_MILLIS = 30;

    /** Real GPIO through Pi4J and gpiod, or the simulation on Pi4J's mock platform. */
    public enum Profile { PI, SIM }

    /** An HD44780 character LCD behind a PCF8574 I2C backpack. */
    public record Lcd(int bus, int address, int columns, int rows) {
        /** The address as technicians write it, e.g. {@code 0x27}. */
        public String addressHex() {
            return String.format("0x%02x", address);
        }
    }

    /** The outcome of {@link #parse}: the wiring, or every error found. */
    public record Parsed(HardwareWiring wiring, List<WiringError> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public HardwareWiring {
        buttons = Collections.unmodifiableMap(new LinkedHashMap<>(buttons));
        leds = Collections.unmodifiableMap(new LinkedHashMap<>(leds));
    }

    /**
     * Parses and checks the common part of the identity's {@code hardware} node (other keys are left to the kind's
     * {@link HardwareModel}); in the sim profile missing pins are assigned.
     */
    public static Parsed parse(JsonNode hardware) {
        HardwareReader reader = new HardwareReader();
        HardwareWiring wiring = new WiringParser(reader).parse(hardware).orElse(null);
        return new Parsed(wiring, reader.errors());
    }

    /** A sim wiring with these button and LED names on assigned pins, default debounce and no LCD. */
    public static HardwareWiring sim(List<String> buttonNames, List<String> ledNames) {
        Map<String, Integer> buttons = new LinkedHashMap<>();
        Map<String, Integer> leds = new LinkedHashMap<>();
        buttonNames.forEach(name -> buttons.put(name, null));
        ledNames.forEach(name -> leds.put(name, null));
        if (!PinAssigner.assign(buttons, leds)) {
            throw new IllegalArgumentException("not enough free GPIO pins for " + buttonNames + " and " + ledNames);
        }
        return new HardwareWiring(Profile.SIM, buttons, leds, DEFAULT_DEBOUNCE_MILLIS, Optional.empty());
    }

    /**
     * In the sim profile, adds these buttons and LEDs where the identity did not name them, on free pins (so a
     * sim identity may leave out the wiring a device kind always has); a pi wiring is returned unchanged.
     */
    public HardwareWiring withSimDefaults(List<String> buttonNames, List<String> ledNames) {
        if (profile != Profile.SIM) {
            return this;
        }
        Map<String, Integer> moreButtons = new LinkedHashMap<>(buttons);
        Map<String, Integer> moreLeds = new LinkedHashMap<>(leds);
        buttonNames.forEach(name -> moreButtons.putIfAbsent(name, null));
        ledNames.forEach(name -> moreLeds.putIfAbsent(name, null));
        if (!PinAssigner.assign(moreButtons, moreLeds)) {
            throw new IllegalArgumentException("not enough free GPIO pins for " + buttonNames + " and " + ledNames);
        }
        return new HardwareWiring(profile, moreButtons, moreLeds, debounceMillis, lcd);
    }

    /** The same wiring with another debounce time. */
    public HardwareWiring withDebounceMillis(int millis) {
        return new HardwareWiring(profile, buttons, leds, millis, lcd);
    }

    /** The same wiring with an LCD. */
    public HardwareWiring withLcd(Lcd newLcd) {
        return new HardwareWiring(profile, buttons, leds, debounceMillis, Optional.of(newLcd));
    }
}
