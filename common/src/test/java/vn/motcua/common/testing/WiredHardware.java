package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareReader;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.KindHardware;

/** The hardware block of a test device: only the common wiring, with a button and an LED "A" in the sim profile. */
public record WiredHardware(HardwareWiring wiring) implements KindHardware {
    public static final HardwareModel<WiredHardware> MODEL = new HardwareModel<>() {
        @Override
        public Set<String> fields() {
            return Set.of();
        }

        @Override
        public SimWiring simWiring() {
            return new SimWiring(List.of("A"), List.of("A"));
        }

        @Override
        public WiredHardware read(JsonNode block, HardwareWiring wiring, HardwareReader reader) {
            return new WiredHardware(wiring);
        }
    };
}
