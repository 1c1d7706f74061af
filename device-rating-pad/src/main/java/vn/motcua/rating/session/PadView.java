package vn.motcua.rating.session;

import java.util.List;
import vn.motcua.rating.config.Reason;

/**
 * What the pad shows now: its mode, the counter, the ticket being served (null when none), whether a level press
 * would count, and the reasons on offer (empty unless asking). It never says which level was given.
 */
public record PadView(Mode mode, int counter, String ticket, boolean canRate, List<Reason> reasons) {
    /** The pad's screens. */
    public enum Mode {
        /** The district was never heard: no ticket context yet. */
        WAITING,
        /** A ticket is being served at the counter. */
        SERVING,
        /** The counter is closed. */
        CLOSED,
        /** "Unsatisfied" was pressed: the reasons are offered. */
        ASKING,
        /** A rating was just recorded. */
        THANKS,
        /** A rating was just given but could not be recorded (the state disk refuses writes). */
        NOT_RECORDED
    }

    public PadView {
        reasons = List.copyOf(reasons);
    }
}
