package vn.motcua.ctl;

import java.util.regex.Pattern;

/**
 * Makes text from the broker safe to print on a technician's terminal: escape sequences (CSI, OSC, DCS and the
 * other ESC forms, 7- and 8-bit) are removed whole, line breaks and tabs become spaces, every other C0 or C1
 * control, DEL and the bidirectional overrides are dropped. Letters of every script, Vietnamese included, are kept.
 */
final class TerminalText {
    private static final Pattern SEQUENCES = Pattern.compile(
            "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]"                                   // CSI ... final byte
            + "|(?:\u001B[\\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?" // OSC/DCS/SOS/PM/APC strings
            + "|\u001B[ -/]*[0-~]");                                                   // other ESC sequences (ESC c, ESC ( B)
    private static final Pattern SPACES = Pattern.compile("[\t\n\u000B\f\r\u0085\u2028\u2029]");
    private static final Pattern CONTROLS = Pattern.compile("[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");
    private static final Pattern JSON_UNSAFE = Pattern.compile("[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]");

    private TerminalText() {
    }

    /** The text without escape sequences and control characters. */
    static String clean(String text) {
        String s = SEQUENCES.matcher(text).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        return CONTROLS.matcher(s).replaceAll("");
    }

    /**
     * A JSON line with the controls Jackson leaves raw (DEL, C1, bidi overrides) written as {@code \\uXXXX}: the same
     * JSON for a script, nothing for a terminal to act on (Jackson already escapes C0 controls inside strings).
     */
    static String json(String line) {
        return JSON_UNSAFE.matcher(line).replaceAll(m -> String.format("\\\\u%04x", (int) m.group().charAt(0)));
    }
}
