package vn.motcua.common.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How one device kind reads the identity's {@code hardware} block into its typed {@link KindHardware}: the runtime,
 * {@code --check} and {@code --validate-identity} (what motcua-setup asks before it writes) all use the same model.
 */
public interface HardwareModel<H extends KindHardware> {
    /** The keys the kind adds to the common ones ({@code profile, buttons, leds, debounceMillis, lcd}). */
    Set<String> fields();

    /** Button and LED names the sim profile wires when the identity names none. */
    SimWiring simWiring();

    /** Reads the kind's own keys from the block; every problem goes to the reader with its path. */
    H read(JsonNode block, HardwareWiring wiring, HardwareReader reader);

    /** Reads the whole block: unknown keys, the common wiring, then the kind's keys; every problem with its path. */
    default Parsed<H> parse(JsonNode block) {
        HardwareReader reader = new HardwareReader();
        var wiring = new WiringParser(reader).parse(block);
        if (block != null && block.isObject()) {
            Set<String> known = new HashSet<>(WiringParser.FIELDS);
            known.addAll(fields());
            reader.onlyKnown(block, "hardware", known);
        }
        if (wiring.isEmpty() || !reader.errors().isEmpty()) {
            return new Parsed<>(null, reader.errors());
        }
        HardwareWiring complete;
        try {
            complete = wiring.get().withSimDefaults(simWiring().buttons(), simWiring().leds());
        } catch (IllegalArgumentException e) {
            reader.error("hardware", e.getMessage());
            return new Parsed<>(null, reader.errors());
        }
        H hardware = read(block, complete, reader);
        return new Parsed<>(reader.errors().isEmpty() ? hardware : null, reader.errors());
    }

    /** Default button and LED names for the sim profile. */
    record SimWiring(List<String> buttons, List<String> leds) {
    }

    /** The typed block, or every error found (then {@code hardware} is null). */
    record Parsed<H>(H hardware, List<WiringError> errors) {
        public Parsed {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }
}
