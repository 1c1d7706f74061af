package vn.motcua.common.hardware.sim;

import com.pi4j.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.pi.Pi4jLeds;

/** Simulated LEDs: the real {@link Pi4jLeds} over Pi4J mock outputs, with their states readable for /sim/leds. */
public final class SimLeds implements Leds {
    private final Pi4jLeds leds;

    private SimLeds(Pi4jLeds leds) {
        this.leds = leds;
    }

    /** Opens mock outputs for these LED pins (the context must hold Pi4J's mock digital output provider). */
    public static SimLeds open(Context mockPi4j, Map<String, Integer> pins, ScheduledExecutorService scheduler) {
        return new SimLeds(Pi4jLeds.open(mockPi4j, pins, scheduler));
    }

    /** Every LED's state in wire form ({@code on}, {@code off}, {@code blink}), in wiring order. */
    public Map<String, String> wireStates() {
        Map<String, String> out = new LinkedHashMap<>();
        leds.states().forEach((name, state) -> out.put(name, state.wire()));
        return out;
    }

    /** Whether the mock output of an LED is high right now (a blinking LED alternates). */
    public boolean lit(String name) {
        return leds.lit(name);
    }

    @Override
    public void set(String name, LedState state) {
        leds.set(name, state);
    }

    @Override
    public LedState state(String name) {
        return leds.state(name);
    }

    @Override
    public Set<String> names() {
        return leds.names();
    }

    /** Stops blinking and switches every LED off. */
    public void stop() {
        leds.stop();
    }
}
