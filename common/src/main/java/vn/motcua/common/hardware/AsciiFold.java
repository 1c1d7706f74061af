package vn.motcua.common.hardware;

import java.text.Normalizer;

/** Folds Vietnamese (and common typographic) text to printable ASCII for character LCDs. */
public final class AsciiFold {
    private AsciiFold() {
    }

    /** Removes tone and vowel marks, maps đ/Đ to d/D, and replaces any other non-ASCII character by '?'. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c > Character.MAX_VALUE ? "?" : foldChar((char) c));
            }
        });
        return out.toString();
    }

    private static String foldChar(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return String.valueOf(c);
        }
        switch (c) {
            case 'đ':
                return "d";
            case 'Đ':
                return "D";
            case '\u00A0': case '\t': case '\u2007': case '\u202F':
                return " ";
            case '\u2018': case '\u2019': case '\u201A': case '\u2032':
                return "'";
            case '\u201C': case '\u201D': case '\u201E': case '\u00AB': case '\u00BB':
                return "\"";
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2212':
                return "-";
            case '\u2026':
                return "...";
            case '\u00B7': case '\u2022':
                return ".";
            default:
                return Character.isISOControl(c) ? "" : "?";
        }
    }
}
