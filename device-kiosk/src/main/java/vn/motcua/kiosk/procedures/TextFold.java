package vn.motcua.kiosk.procedures;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Folds Vietnamese text for matching: lower case, no diacritics, đ as d, words split on anything else. */
public final class TextFold {
    private TextFold() {
    }

    /** The folded text: words of letters and digits separated by single spaces. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(Character.toLowerCase(c));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** The folded words of a text. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> result = new ArrayList<>();
        if (folded.isEmpty()) {
            return result;
        }
        for (String t : folded.split(" ")) {
            result.add(t);
        }
        return result;
    }
}
