package vn.motcua.common.hardware;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for text on a small character display: every line is wrapped at word boundaries to the width (a single
 * word wider than the display is the only thing cut), and when the wrapped rows do not fit they are shown a page at a
 * time; a page never splits a line that fits on one page, so no page starts in the middle of a sentence.
 */
public final class LcdPager {
    private LcdPager() {
    }

    /** The pages for these lines on a display of this size: each at most {@code rows} rows of at most {@code columns}. */
    public static List<List<String>> pages(List<String> lines, int columns, int rows) {
        List<List<String>> pages = new ArrayList<>();
        List<String> page = new ArrayList<>();
        for (String line : lines) {
            List<String> wrapped = wrap(line, columns);
            if (wrapped.size() <= rows && page.size() + wrapped.size() > rows) {
                pages.add(page);
                page = new ArrayList<>();
            }
            for (String row : wrapped) {
                if (page.size() == rows) {
                    pages.add(page);
                    page = new ArrayList<>();
                }
                if (!page.isEmpty() || !row.isEmpty()) {
                    page.add(row);
                }
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        pages.forEach(LcdPager::dropTrailingBlanks);
        return List.copyOf(pages.stream().map(List::copyOf).toList());
    }

    /** One line wrapped at spaces into rows of at most {@code columns}; a word longer than that is cut into pieces. */
    public static List<String> wrap(String line, int columns) {
        String text = Normalizer.normalize(line == null ? "" : line, Normalizer.Form.NFC).strip();
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int needed = width(row.toString()) + (row.length() > 0 ? 1 : 0) + width(word);
            if (row.length() > 0 && needed > columns) {
                rows.add(row.toString());
                row.setLength(0);
            }
            String rest = word;
            while (width(rest) > columns) {
                int cut = fittingPrefix(rest, columns);
                rows.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            row.append(row.length() > 0 ? " " : "").append(rest);
        }
        if (row.length() > 0 || rows.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    /** The columns a text takes on a character LCD: its length once folded to ASCII ("…" takes three). */
    public static int width(String text) {
        return AsciiFold.fold(text).length();
    }

    private static int fittingPrefix(String word, int columns) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next)) > columns) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static void dropTrailingBlanks(List<String> page) {
        while (!page.isEmpty() && page.get(page.size() - 1).isBlank()) {
            page.remove(page.size() - 1);
        }
    }
}
