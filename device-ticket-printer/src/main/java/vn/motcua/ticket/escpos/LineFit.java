package vn.motcua.ticket.escpos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Wraps a line of ticket text to the paper at word boundaries, for a given measure of width (columns of the printer
 * font, or dots of the raster font). A word wider than the paper is the only thing broken, at a letter.
 */
final class LineFit {
    private LineFit() {
    }

    /** Whether every word fits the width on its own (if not, the caller shrinks the text one step first). */
    static boolean everyWordFits(String text, ToIntFunction<String> width, int available) {
        return Arrays.stream(text.strip().split(" +")).allMatch(w -> width.applyAsInt(w) <= available);
    }

    /** The text in lines no wider than {@code available}, broken at spaces (and inside a word only when it must). */
    static List<String> wrap(String text, ToIntFunction<String> width, int available) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = current.length() == 0 ? word : current + " " + word;
            if (width.applyAsInt(candidate) <= available) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (current.length() > 0) {
                lines.add(current.toString());
                current.setLength(0);
            }
            String rest = word;
            while (width.applyAsInt(rest) > available && rest.codePointCount(0, rest.length()) > 1) {
                int cut = rest.offsetByCodePoints(0, 1);
                while (cut < rest.length()) {
                    int next = rest.offsetByCodePoints(cut, 1);
                    if (width.applyAsInt(rest.substring(0, next)) > available) {
                        break;
                    }
                    cut = next;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            current.append(rest);
        }
        if (current.length() > 0 || lines.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** The columns a line of code page text takes at width multiplier 1: one per precomposed letter. */
    static int columns(String text) {
        return text.codePointCount(0, text.length());
    }
}
