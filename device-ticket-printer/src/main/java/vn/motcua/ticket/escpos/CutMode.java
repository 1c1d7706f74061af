package vn.motcua.ticket.escpos;

/** The paper cut command a printer model understands. */
public enum CutMode {
    FEED_PARTIAL("feed-partial"),
    PARTIAL("partial"),
    FULL("full");

    private final String wire;

    CutMode(String wire) {
        this.wire = wire;
    }

    public static CutMode fromWire(String wire) {
        for (CutMode m : values()) {
            if (m.wire.equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown cut '" + wire + "', expected feed-partial, partial or full");
    }
}
