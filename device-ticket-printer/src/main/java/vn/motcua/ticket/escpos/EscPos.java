package vn.motcua.ticket.escpos;

/** The ESC/POS command bytes the driver and the virtual printer both speak. */
public final class EscPos {
    public static final byte LF = 0x0A;
    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;

    /** DLE EOT n: printer status. */
    public static final int STATUS_PRINTER = 1;
    /** DLE EOT n: offline cause. */
    public static final int STATUS_OFFLINE_CAUSE = 2;
    /** DLE EOT n: roll paper sensor. */
    public static final int STATUS_PAPER = 4;

    /** QR "function" codes of GS ( k with cn = 49. */
    public static final int QR_MODEL = 65;
    public static final int QR_SIZE = 67;
    public static final int QR_ERROR_LEVEL = 69;
    public static final int QR_STORE = 80;
    public static final int QR_PRINT = 81;

    private EscPos() {
    }
}
