package vn.motcua.kiosk.procedures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The distinct folded words of a catalog, numbered, and how well a query word matches each of them. */
final class Vocabulary {
    static final float EXACT = 1.0f;
    static final float ONE_TYPO = 0.65f;
    static final float TWO_TYPOS = 0.45f;

    /** How well one query word matches the vocabulary: dense by term id, plus the ids that match at all. */
    record Match(float[] quality, int[] matched) {
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private String[] frozen;

    int id(String term) {
        Integer existing = ids.get(term);
        if (existing != null) {
            return existing;
        }
        int id = terms.size();
        terms.add(term);
        ids.put(term, id);
        return id;
    }

    void freeze() {
        frozen = terms.toArray(new String[0]);
    }

    int size() {
        return frozen.length;
    }

    /**
     * Matches a query word against every term: 1 for the same word, less for a word it begins (only for the word
     * being typed) or, for a word the catalog does not know, a word one typo away (two for words of eight letters
     * or more). A known word is taken as meant: Vietnamese syllables one letter apart (sinh, kinh, tinh) differ.
     */
    Match match(String word, boolean typing, EditDistance distance) {
        float[] quality = new float[frozen.length];
        int[] matched = new int[16];
        int count = 0;
        int maxTypos = ids.containsKey(word) ? 0 : word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        for (int id = 0; id < frozen.length; id++) {
            String term = frozen[id];
            float best = 0f;
            if (term.equals(word)) {
                best = EXACT;
            } else {
                if (typing && term.length() > word.length() && term.startsWith(word)) {
                    best = 0.6f + 0.3f * word.length() / term.length();
                }
                if (maxTypos > 0 && term.length() >= 3 && Math.abs(term.length() - word.length()) <= maxTypos) {
                    int d = distance.within(word, term, maxTypos);
                    if (d == 1) {
                        best = Math.max(best, ONE_TYPO);
                    } else if (d == 2 && maxTypos >= 2) {
                        best = Math.max(best, TWO_TYPOS);
                    }
                }
            }
            if (best > 0f) {
                quality[id] = best;
                if (count == matched.length) {
                    matched = Arrays.copyOf(matched, count * 2);
                }
                matched[count++] = id;
            }
        }
        return new Match(quality, Arrays.copyOf(matched, count));
    }
}
