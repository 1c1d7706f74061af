package vn.motcua.kiosk.config;

/** What the kiosk's screen is for: procedure and dossier look-up, or the hall's calling board. */
public enum KioskMode {
    LOOKUP("lookup"),
    HALL_DISPLAY("hall-display");

    private final String wire;

    KioskMode(String wire) {
        this.wire = wire;
    }

    /** The config's spelling: {@code lookup} or {@code hall-display}. */
    public String wire() {
        return wire;
    }

    public static KioskMode fromWire(String text) {
        return "hall-display".equals(text) ? HALL_DISPLAY : LOOKUP;
    }
}
