package vn.motcua.common.hardware.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;

/** LEDs on GPIO outputs (lit = HIGH); blinking LEDs toggle together every {@value #BLINK_HALF_PERIOD_MILLIS} ms. */
public final class Pi4jLeds implements Leds {
    public static final long BLINK_HALF_PERIOD_MILLIS = 250;

    private final Map<String, Integer> pins;
    private final ScheduledExecutorService scheduler;
    private final Map<String, DigitalOutput> outputs = new LinkedHashMap<>();
    private final Map<String, LedState> states = new LinkedHashMap<>();
    private final Set<String> failed = new LinkedHashSet<>();
    private ScheduledFuture<?> blinking;
    private boolean blinkPhaseLit;

    private Pi4jLeds(Map<String, Integer> pins, ScheduledExecutorService scheduler) {
        this.pins = pins;
        this.scheduler = scheduler;
    }

    /** Opens one output per LED, all off; LEDs whose pin cannot be opened are logged and left out. */
    public static Pi4jLeds open(Context pi4j, Map<String, Integer> pins, ScheduledExecutorService scheduler) {
        Pi4jLeds leds = new Pi4jLeds(pins, scheduler);
        pins.forEach((name, pin) -> {
            leds.states.put(name, LedState.OFF);
            try {
                leds.outputs.put(name, pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                        .id("led-" + name)
                        .name("LED " + name)
                        .address(pin)
                        .initial(DigitalState.LOW)
                        .shutdown(DigitalState.LOW)));
            } catch (RuntimeException e) {
                leds.failed.add(name);
                Logger.error("LED {} on GPIO {} cannot be opened ({}); it stays dark until the device restarts",
                        name, pin, e.getMessage());
            }
        });
        return leds;
    }

    @Override
    public synchronized void set(String name, LedState state) {
        if (!states.containsKey(name) || states.get(name) == state) {
            return;
        }
        states.put(name, state);
        if (state == LedState.BLINK) {
            write(name, blinkPhaseLit);
            if (blinking == null) {
                blinking = scheduler.scheduleAtFixedRate(this::toggleBlinking,
                        BLINK_HALF_PERIOD_MILLIS, BLINK_HALF_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        } else {
            write(name, state == LedState.ON);
            if (blinking != null && !states.containsValue(LedState.BLINK)) {
                blinking.cancel(false);
                blinking = null;
            }
        }
    }

    private synchronized void toggleBlinking() {
        blinkPhaseLit = !blinkPhaseLit;
        states.forEach((name, state) -> {
            if (state == LedState.BLINK) {
                write(name, blinkPhaseLit);
            }
        });
    }

    private void write(String name, boolean lit) {
        DigitalOutput out = outputs.get(name);
        if (out == null) {
            return;
        }
        try {
            out.state(lit ? DigitalState.HIGH : DigitalState.LOW);
        } catch (RuntimeException e) {
            Logger.warn("LED {} could not be switched ({}); the next change tries again", name, e.getMessage());
        }
    }

    @Override
    public synchronized LedState state(String name) {
        return states.getOrDefault(name, LedState.OFF);
    }

    /** Every LED's state, in wiring order. */
    public synchronized Map<String, LedState> states() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    @Override
    public Set<String> names() {
        return pins.keySet();
    }

    /** Names of LEDs whose pin could not be opened. */
    public Set<String> failed() {
        return Collections.unmodifiableSet(failed);
    }

    /** Whether an LED's output is driven high right now (a blinking LED alternates). */
    public synchronized boolean lit(String name) {
        return Optional.ofNullable(outputs.get(name)).map(o -> o.state() == DigitalState.HIGH).orElse(false);
    }

    /** Stops blinking and switches every LED off. */
    public synchronized void stop() {
        for (String name : states.keySet()) {
            set(name, LedState.OFF);
        }
    }
}
