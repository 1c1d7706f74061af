package vn.motcua.common.hardware.pi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;

/** LEDs whose GPIO outputs may open later: the wanted states are kept and replayed once {@link #attach} gives the real ones. */
final class LateLeds implements Leds {
    private final Set<String> names;
    private final Map<String, LedState> states = new LinkedHashMap<>();
    private Leds real;

    LateLeds(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    synchronized void attach(Leds leds) {
        real = leds;
        states.forEach(leds::set);
    }

    @Override
    public synchronized void set(String name, LedState state) {
        if (!names.contains(name)) {
            return;
        }
        states.put(name, state);
        if (real != null) {
            real.set(name, state);
        }
    }

    @Override
    public synchronized LedState state(String name) {
        return states.getOrDefault(name, LedState.OFF);
    }

    @Override
    public Set<String> names() {
        return names;
    }
}
