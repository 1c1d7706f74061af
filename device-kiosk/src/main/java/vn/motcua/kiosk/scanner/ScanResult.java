package vn.motcua.kiosk.scanner;

/**
 * What the sanitizer made of one line from a reader: a candidate code, or the reason the line was thrown away.
 *
 * @param code          the printable, trimmed text of the line; null when invalid
 * @param invalidReason {@link #OVERLONG} or {@link #GARBAGE}; null when valid
 */
public record ScanResult(String code, String invalidReason) {
    /** The line was longer than {@link ScanSanitizer#MAX_LINE_BYTES} before its terminator. */
    public static final String OVERLONG = "overlong";
    /** The line was mostly binary or control bytes. */
    public static final String GARBAGE = "garbage";

    public static ScanResult code(String code) {
        return new ScanResult(code, null);
    }

    public static ScanResult invalid(String reason) {
        return new ScanResult(null, reason);
    }

    public boolean valid() {
        return code != null;
    }
}
