package vn.motcua.common.update;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A release version as bundles, {@code VERSION} files and {@code update.json} spell it ({@code 0.2.0}, {@code 1.4.0-rc2}):
 * compared part by part, numbers as numbers, so {@code 0.10.0} is newer than {@code 0.9.3}; a suffix after {@code -}
 * makes a pre-release, older than the same version without it.
 */
public record ReleaseVersion(String text) implements Comparable<ReleaseVersion> {
    private static final Pattern SYNTAX = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$");

    public ReleaseVersion {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("not a release version: '" + text + "' (letters, digits, . + _ -; at most 64)");
        }
    }

    /** A version, or an {@link IllegalArgumentException} that names what is wrong. */
    public static ReleaseVersion of(String text) {
        return new ReleaseVersion(text);
    }

    public static boolean valid(String text) {
        return text != null && SYNTAX.matcher(text).matches();
    }

    public boolean newerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        int byRelease = compareParts(parts(release()), parts(other.release()));
        if (byRelease != 0) {
            return byRelease;
        }
        String mine = suffix();
        String theirs = other.suffix();
        if (mine.isEmpty() || theirs.isEmpty()) {
            return Boolean.compare(mine.isEmpty(), theirs.isEmpty());
        }
        return compareParts(parts(mine), parts(theirs));
    }

    @Override
    public String toString() {
        return text;
    }

    private String release() {
        int dash = text.indexOf('-');
        return dash < 0 ? text : text.substring(0, dash);
    }

    private String suffix() {
        int dash = text.indexOf('-');
        return dash < 0 ? "" : text.substring(dash + 1);
    }

    private static List<String> parts(String s) {
        List<String> parts = new ArrayList<>();
        for (String p : s.split("[.+_-]")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static int compareParts(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "0";
            String y = i < b.size() ? b.get(i) : "0";
            int c = comparePart(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Numbers as numbers, and within a part such as {@code rc10} its letter and digit runs one by one (rc9 < rc10). */
    private static int comparePart(String x, String y) {
        List<String> xs = runs(x);
        List<String> ys = runs(y);
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            int c = compareRun(xs.get(i), ys.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(xs.size(), ys.size());
    }

    private static int compareRun(String x, String y) {
        boolean xn = Character.isDigit(x.charAt(0));
        boolean yn = Character.isDigit(y.charAt(0));
        if (xn && yn) {
            String xs = x.replaceFirst("^0+(?=.)", "");
            String ys = y.replaceFirst("^0+(?=.)", "");
            return xs.length() != ys.length() ? Integer.compare(xs.length(), ys.length()) : xs.compareTo(ys);
        }
        if (xn != yn) {
            return xn ? 1 : -1;
        }
        return x.compareTo(y);
    }

    private static List<String> runs(String part) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= part.length(); i++) {
            if (i == part.length() || Character.isDigit(part.charAt(i)) != Character.isDigit(part.charAt(i - 1))) {
                runs.add(part.substring(start, i));
                start = i;
            }
        }
        return runs;
    }
}
