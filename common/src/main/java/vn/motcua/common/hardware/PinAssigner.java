package vn.motcua.common.hardware;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Gives simulated buttons and LEDs without a pin the lowest free BCM pins from 4 up (clear of I2C and ID pins). */
final class PinAssigner {
    static final int FIRST_FREE = 4;
    static final int MAX_PIN = 27;

    private PinAssigner() {
    }

    /** Fills the null pins in place; false when there are not enough free pins. */
    static boolean assign(Map<String, Integer> buttons, Map<String, Integer> leds) {
        Set<Integer> used = new HashSet<>();
        buttons.values().stream().filter(Objects::nonNull).forEach(used::add);
        leds.values().stream().filter(Objects::nonNull).forEach(used::add);
        int next = FIRST_FREE;
        for (Map<String, Integer> map : List.of(buttons, leds)) {
            for (Map.Entry<String, Integer> e : map.entrySet()) {
                if (e.getValue() != null) {
                    continue;
                }
                while (used.contains(next)) {
                    next++;
                }
                if (next > MAX_PIN) {
                    return false;
                }
                used.add(next);
                e.setValue(next);
            }
        }
        return true;
    }
}
