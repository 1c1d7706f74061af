package vn.motcua.common.identity;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of device an office has. */
public enum DeviceKind {
    TICKET_PRINTER("ticket-printer"),
    RATING_PAD("rating-pad"),
    KIOSK("kiosk");

    private final String wire;

    DeviceKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<DeviceKind> fromWire(String text) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(text)).findFirst();
    }
}
