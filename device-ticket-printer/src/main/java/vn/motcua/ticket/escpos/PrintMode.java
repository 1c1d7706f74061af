package vn.motcua.ticket.escpos;

/** How Vietnamese text reaches the paper: through the printer's Windows-1258 code page or as raster images. */
public enum PrintMode {
    CODEPAGE("codepage"),
    RASTER("raster");

    private final String wire;

    PrintMode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static PrintMode fromWire(String wire) {
        for (PrintMode m : values()) {
            if (m.wire.equals(wire)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown print mode '" + wire + "', expected codepage or raster");
    }
}
