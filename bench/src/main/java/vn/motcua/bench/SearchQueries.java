package vn.motcua.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.motcua.kiosk.procedures.Procedure;

/**
 * Realistic kiosk queries made from a catalog's titles and fields: one to three words of a title, typed without
 * diacritics half the time, the last word often unfinished (the screen searches as the citizen types), a swapped
 * letter now and then, sometimes in capitals or a field name.
 */
final class SearchQueries {
    private SearchQueries() {
    }

    static List<String> make(List<Procedure> catalog, int n, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(n);
        while (queries.size() < n) {
            Procedure p = catalog.get(random.nextInt(catalog.size()));
            String source = random.nextInt(10) == 0 ? p.field() : p.title();
            String[] words = source.split("[\\s,()/-]+");
            int count = Math.min(words.length, 1 + random.nextInt(3));
            int start = random.nextInt(words.length - count + 1);
            String q = String.join(" ", List.of(words).subList(start, start + count)).strip();
            if (q.isEmpty()) {
                continue;
            }
            if (random.nextBoolean()) {
                q = plain(q);
            }
            if (random.nextInt(10) < 3 && q.length() > 3) {
                q = q.substring(0, q.length() - 1 - random.nextInt(Math.min(3, q.length() - 3)));
            }
            if (random.nextInt(100) < 15 && q.length() > 4) {
                int i = 1 + random.nextInt(q.length() - 2);
                q = q.substring(0, i) + q.charAt(i + 1) + q.charAt(i) + q.substring(i + 2);
            }
            if (random.nextInt(10) == 0) {
                q = q.toUpperCase(Locale.ROOT);
            }
            queries.add(q);
        }
        return queries;
    }

    private static String plain(String text) {
        String d = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return d.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
