package vn.motcua.rating.session;

import java.util.Arrays;
import java.util.Optional;

/** The three satisfaction levels; the wire name is also the name of the level's button and LED. */
public enum Level {
    VERY_SATISFIED("very-satisfied"),
    SATISFIED("satisfied"),
    UNSATISFIED("unsatisfied");

    private final String wire;

    Level(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The level a button rates, if it is a level button. */
    public static Optional<Level> ofButton(String button) {
        return Arrays.stream(values()).filter(l -> l.wire.equals(button)).findFirst();
    }
}
