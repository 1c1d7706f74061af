package vn.motcua.common.hardware;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Fits text to a character LCD: folded to ASCII and cut or padded to the width (the glass), or clipped to it. */
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
     * One line as a display of this width holds it, letters kept (precomposed, so one letter is one column): at most
     * {@code columns} of them. Lines laid out by {@link LcdPager} always fit; only a line that bypassed it is cut here.
     */
    public static String clip(String line, int columns) {
        String text = Normalizer.normalize(line == null ? "" : line, Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        return length <= columns ? text : text.substring(0, text.offsetByCodePoints(0, columns));
    }
}
