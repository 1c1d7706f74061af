package vn.motcua.rating;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.HardwareReader;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.KindHardware;
import vn.motcua.rating.pad.PadPresenter;
import vn.motcua.rating.session.Level;

/** The rating pad's hardware block: rating and reason buttons, their LEDs and the LCD; nothing else. */
public record RatingPadHardware(HardwareWiring wiring) implements KindHardware {
    /** Reads and checks the block; the runtime, {@code --check} and motcua-setup's validation use it. */
    public static final HardwareModel<RatingPadHardware> MODEL = new HardwareModel<>() {
        @Override
        public Set<String> fields() {
            return Set.of();
        }

        @Override
        public SimWiring simWiring() {
            return new SimWiring(
                    List.of(Level.VERY_SATISFIED.wire(), Level.SATISFIED.wire(), Level.UNSATISFIED.wire(),
                            "reason-1", "reason-2", "reason-3", "reason-4"),
                    List.of(Level.VERY_SATISFIED.wire(), Level.SATISFIED.wire(), Level.UNSATISFIED.wire(),
                            PadPresenter.STATUS_LED));
        }

        @Override
        public RatingPadHardware read(JsonNode block, HardwareWiring wiring, HardwareReader reader) {
            return new RatingPadHardware(wiring);
        }
    };
}
