package vn.motcua.ticket.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;

/** LEDs that only remember their states. */
public final class MemoryLeds implements Leds {
    private final Map<String, LedState> states = new LinkedHashMap<>();

    public MemoryLeds(String... names) {
        for (String n : names) {
            states.put(n, LedState.OFF);
        }
    }

    @Override
    public synchronized void set(String name, LedState state) {
        if (states.containsKey(name)) {
            states.put(name, state);
        }
    }

    @Override
    public synchronized LedState state(String name) {
        return states.getOrDefault(name, LedState.OFF);
    }

    @Override
    public synchronized Set<String> names() {
        return Set.copyOf(states.keySet());
    }
}
