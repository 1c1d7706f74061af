package vn.motcua.ticket.escpos;

import java.text.Normalizer;

/** Removes everything from configured text that is not printable, so config text can never carry printer commands. */
public final class TextSanitizer {
    private TextSanitizer() {
    }

    /**
     * Returns the text in NFC with C0/C1 controls, line and paragraph separators, bidi and other format
     * characters, unassigned and private-use code points removed; tabs become spaces; null becomes "".
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (isPrintable(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
                return false;
            default:
                return true;
        }
    }
}
