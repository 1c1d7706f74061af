package vn.motcua.common.health;

import java.util.Objects;

/** The condition of one hardware or software component: ok, or a fault with a short reason. */
public record ComponentStatus(boolean ok, String reason) {
    public static final ComponentStatus OK = new ComponentStatus(true, null);

    public ComponentStatus {
        if (!ok) {
            Objects.requireNonNull(reason, "a fault needs a reason");
        }
    }

    public static ComponentStatus fault(String reason) {
        return new ComponentStatus(false, reason);
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
