package vn.motcua.ticket.escpos;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Windows-1258 (Vietnamese) encoder and decoder: precomposed letters are split into a base letter the code page
 * carries plus one of its five combining tone marks, and decoding recomposes them (NFC).
 */
public final class Cp1258 {
    private static final char UNDEFINED = '\uFFFD';
    private static final char[] HIGH = (
            "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\uFFFD\u2039\u0152\uFFFD\uFFFD\uFFFD"
            + "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\uFFFD\u203A\u0153\uFFFD\uFFFD\u0178"
            + "\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF"
            + "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF"
            + "\u00C0\u00C1\u00C2\u0102\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u0300\u00CD\u00CE\u00CF"
            + "\u0110\u00D1\u0309\u00D3\u00D4\u01A0\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u01AF\u0303\u00DF"
            + "\u00E0\u00E1\u00E2\u0103\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u0301\u00ED\u00EE\u00EF"
            + "\u0111\u00F1\u0323\u00F3\u00F4\u01A1\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u01B0\u20AB\u00FF")
            .toCharArray();
    private static final Map<Character, Byte> ENCODE = new HashMap<>();

    static {
        for (int i = 0; i < HIGH.length; i++) {
            if (HIGH[i] != UNDEFINED) {
                ENCODE.put(HIGH[i], (byte) (0x80 + i));
            }
        }
    }

    private Cp1258() {
    }

    /** Whether every character of the text can be printed through this code page. */
    public static boolean canEncode(String text) {
        return encode(text).isPresent();
    }

    /** Encodes printable text; empty when some character has no Windows-1258 form. */
    public static Optional<byte[]> encode(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        ByteArrayOutputStream out = new ByteArrayOutputStream(nfc.length() + 8);
        for (int i = 0; i < nfc.length(); i++) {
            if (!encodeChar(nfc.charAt(i), out)) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toByteArray());
    }

    /** Decodes Windows-1258 bytes to NFC text; bytes the code page leaves undefined become U+FFFD. */
    public static String decode(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int u = b & 0xFF;
            sb.append(u < 0x80 ? (char) u : HIGH[u - 0x80]);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    private static boolean encodeChar(char c, ByteArrayOutputStream out) {
        if (c >= 0x20 && c < 0x7F) {
            out.write(c);
            return true;
        }
        Byte direct = ENCODE.get(c);
        if (direct != null) {
            out.write(direct);
            return true;
        }
        String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder();
        StringBuilder tones = new StringBuilder();
        for (char d : nfd.toCharArray()) {
            (isToneMark(d) ? tones : base).append(d);
        }
        if (tones.length() == 0 || base.length() == 0) {
            return false;
        }
        String composedBase = Normalizer.normalize(base, Normalizer.Form.NFC);
        if (composedBase.length() != 1) {
            return false;
        }
        char b = composedBase.charAt(0);
        Byte baseByte = b >= 0x20 && b < 0x7F ? Byte.valueOf((byte) b) : ENCODE.get(b);
        if (baseByte == null) {
            return false;
        }
        out.write(baseByte);
        for (char t : tones.toString().toCharArray()) {
            out.write(ENCODE.get(t));
        }
        return true;
    }

    private static boolean isToneMark(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
    }
}
