package vn.motcua.common.hardware;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fits text to a character LCD: folded to ASCII and cut or padded to the width; or centred before showing. */
public final class LcdText {
    private LcdText() {
    }

    /** The glass contents for these lines: exactly {@code rows} strings of exactly {@code columns} ASCII characters. */
    public static List<String> render(List<String> lines, int columns, int rows) {
        List<String> out = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            out.add(fit(row < lines.size() ? lines.get(row) : "", columns));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * One line folded to ASCII, cut to the width, padded with spaces on the right; a backslash and '~' become '/' and
     * '-' because the HD44780's character ROM shows them as a yen sign and an arrow.
     */
    public static String fit(String line, int columns) {
        String folded = AsciiFold.fold(line == null ? "" : line).replace('\\', '/').replace('~', '-');
        if (folded.length() >= columns) {
            return folded.substring(0, columns);
        }
        return folded + " ".repeat(columns - folded.length());
    }

    /**
     * One line centred in the width, its letters kept (Vietnamese stays intact until the LCD folds it),
     * cut when it is longer; precomposed (NFC) so one letter is one column.
     */
    public static String center(String line, int columns) {
        String text = Normalizer.normalize(line == null ? "" : line, Normalizer.Form.NFC).strip();
        int length = text.codePointCount(0, text.length());
        if (length >= columns) {
            return text.substring(0, text.offsetByCodePoints(0, columns));
        }
        int left = (columns - length) / 2;
        return " ".repeat(left) + text + " ".repeat(columns - length - left);
    }
}
