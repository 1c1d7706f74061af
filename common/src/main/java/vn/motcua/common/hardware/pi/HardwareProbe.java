package vn.motcua.common.hardware.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.hardware.HardwareWiring;

/** For {@code --check}: opens every configured pin and asks the LCD's I2C address for a byte, listing what fails. */
public final class HardwareProbe {
    private HardwareProbe() {
    }

    /** Probes a wiring on a fresh Pi context (nothing to probe in the sim profile); an empty list means all good. */
    public static List<String> probe(HardwareWiring wiring) {
        if (wiring.profile() == HardwareWiring.Profile.SIM) {
            return List.of();
        }
        Context pi4j;
        try {
            pi4j = Pi4jContexts.forPi();
        } catch (RuntimeException | LinkageError e) {
            return List.of("gpio: cannot start Pi4J with gpiod (" + e.getMessage() + ")");
        }
        try {
            return probe(wiring, pi4j);
        } finally {
            pi4j.shutdown();
        }
    }

    /** Probes a wiring on the given context; the pins opened here are released again. */
    public static List<String> probe(HardwareWiring wiring, Context pi4j) {
        List<String> problems = new ArrayList<>();
        wiring.buttons().forEach((name, pin) -> check(pi4j, problems, "button " + name, pin, () ->
                pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("probe-button-" + name).address(pin)
                        .pull(PullResistance.PULL_UP)).state()));
        wiring.leds().forEach((name, pin) -> check(pi4j, problems, "led " + name, pin, () ->
                pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id("probe-led-" + name).address(pin)
                        .initial(DigitalState.LOW).shutdown(DigitalState.LOW)).state()));
        wiring.lcd().ifPresent(lcd -> {
            Pi4jI2cBus bus = new Pi4jI2cBus(pi4j, "probe-lcd", lcd.bus(), lcd.address());
            try {
                bus.read();
            } catch (IOException e) {
                problems.add("lcd: no device at I2C bus " + lcd.bus() + " address " + lcd.addressHex()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            } finally {
                bus.close();
            }
        });
        return problems;
    }

    private static void check(Context pi4j, List<String> problems, String what, int pin, Runnable open) {
        String id = what.replace(' ', '-');
        try {
            open.run();
        } catch (RuntimeException e) {
            problems.add(what + ": cannot open GPIO " + pin + " (" + e.getMessage() + ")");
            return;
        }
        try {
            pi4j.shutdown("probe-" + id);
        } catch (RuntimeException e) {
            problems.add(what + ": GPIO " + pin + " opened but could not be released (" + e.getMessage() + ")");
        }
    }
}
