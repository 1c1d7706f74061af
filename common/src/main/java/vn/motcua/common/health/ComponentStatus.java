package vn.motcua.common.health;

import java.util.Objects;

/**
 * The condition of one hardware or software component: ok, a fault with a short reason, or a warning (a fault
 * reason while the component still does its job, such as a printer whose paper is near its end).
 */
public record ComponentStatus(boolean ok, String reason, boolean blocking) {
    public static final ComponentStatus OK = new ComponentStatus(true, null, false);

    public ComponentStatus {
        if (!ok) {
            Objects.requireNonNull(reason, "a fault needs a reason");
        }
    }

    /** The component cannot do its job. */
    public static ComponentStatus fault(String reason) {
        return new ComponentStatus(false, reason, true);
    }

    /** Something is wrong but the component still works: the device is degraded, not faulty. */
    public static ComponentStatus warning(String reason) {
        return new ComponentStatus(false, reason, false);
    }

    /** The wire form of telemetry's hardware map: {@code ok} or {@code fault:<reason>}. */
    public String wire() {
        return ok ? "ok" : "fault:" + reason;
    }

    @Override
    public String toString() {
        return wire();
    }
}
