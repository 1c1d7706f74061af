package vn.motcua.kiosk.procedures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds procedures for what a citizen types: ignores case and Vietnamese diacritics, tolerates a typo,
 * completes the word being typed, and ranks a title match over a field match over a documents-only match.
 * Only results scoring at least {@link #RELEVANCE_FLOOR} of the best are listed: a query that names a procedure
 * does not trail off into procedures sharing one of its words. Immutable and thread-safe; the catalog is folded and
 * indexed once, at construction.
 */
public final class ProcedureSearch {
    public static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_CHARS = 200;
    static final int MAX_QUERY_WORDS = 10;

    static final float TITLE = 10f;
    static final float FIELD = 6f;
    static final float DOCUMENT = 2f;
    static final float TITLE_ADJACENT = 3f;
    static final float FIELD_ADJACENT = 1.5f;
    static final float TITLE_EXACT = 15f;
    static final float TITLE_PHRASE = 5f;
    static final float FIELD_EXACT = 12f;
    /** How much a word found only in the documents counts towards covering the query. */
    static final float DOCUMENT_COVERAGE = 0.5f;
    /** Added, after coverage, when title and field miss a query word but a document holds the whole query. */
    static final float DOCUMENT_PHRASE = 12f;
    /** The share of the best result's score a result needs to be listed. */
    static final float RELEVANCE_FLOOR = 0.4f;
    /** How much a filler word ({@link Query#FILLERS}) weighs against a word that names something. */
    static final float FILLER_WEIGHT = 0.3f;

    private final SearchIndex index;

    public ProcedureSearch(ProcedureCatalog catalog) {
        this.index = new SearchIndex(catalog.all());
    }

    /** The best matches for a query, best first, at most {@code limit} (clamped to 1..50); none for a blank query. */
    public List<SearchResult> search(String query, int limit) {
        int max = Math.max(1, Math.min(MAX_LIMIT, limit));
        Query q = Query.parse(query, index.vocabulary);
        if (q == null) {
            return List.of();
        }
        int n = index.procedures.length;
        int words = q.size();
        float[][] titleBest = new float[words][n];
        float[][] documentBest = new float[words][n];
        boolean[] candidate = new boolean[n];
        for (int w = 0; w < words; w++) {
            for (int term : q.matches[w].matched()) {
                float quality = q.matches[w].quality()[term];
                raise(titleBest[w], index.titlePostings[term], quality, candidate);
                raise(documentBest[w], index.documentPostings[term], quality, candidate);
            }
        }
        float[][] fieldBest = new float[index.fields.length][];
        float[] fieldBonus = new float[index.fields.length];
        for (int f = 0; f < index.fields.length; f++) {
            fieldBest[f] = q.best(index.fields[f]);
            fieldBonus[f] = FIELD_ADJACENT * q.adjacency(index.fields[f].words())
                    + (index.fields[f].folded().equals(q.folded) ? FIELD_EXACT : 0f);
            if (max(fieldBest[f]) > 0f) {
                for (int p : index.fieldMembers[f]) {
                    candidate[p] = true;
                }
            }
        }
        float[] weight = weights(q, n);
        List<Scored> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!candidate[i]) {
                continue;
            }
            int field = index.fieldOf[i];
            float total = 0f;
            float covered = 0f;
            float asked = 0f;
            boolean allNamed = true;
            for (int w = 0; w < words; w++) {
                float named = Math.max(titleBest[w][i] * TITLE, fieldBest[field][w] * FIELD);
                float s = Math.max(named, documentBest[w][i] * DOCUMENT);
                total += weight[w] * s;
                if (q.filler[w] && named == 0f) {
                    continue;
                }
                asked += weight[w];
                covered += weight[w] * (named > 0f ? 1f : s > 0f ? DOCUMENT_COVERAGE : 0f);
                allNamed &= named > 0f;
            }
            if (covered > 0f) {
                total += TITLE_ADJACENT * q.adjacency(index.titles[i].words()) + fieldBonus[field]
                        + exactBonus(index.titles[i].folded(), q);
                float coverage = covered / asked;
                boolean inDocuments = words > 1 && !allNamed && index.documentText[i].contains(" " + q.folded + " ");
                float phrase = inDocuments ? DOCUMENT_PHRASE : 0f;
                hits.add(new Scored(i, total * coverage * coverage + phrase));
            }
        }
        hits.sort(Comparator.comparingDouble((Scored s) -> -s.score)
                .thenComparingInt(s -> index.procedures[s.index].title().length())
                .thenComparingInt(s -> s.index));
        int listed = 0;
        while (listed < Math.min(max, hits.size()) && hits.get(listed).score >= RELEVANCE_FLOOR * hits.get(0).score) {
            listed++;
        }
        List<SearchResult> results = new ArrayList<>(listed);
        for (Scored s : hits.subList(0, listed)) {
            Procedure p = index.procedures[s.index];
            results.add(new SearchResult(p.id(), p.title(), p.field(), Math.round(s.score * 100.0) / 100.0));
        }
        return results;
    }

    /**
     * How much each query word tells: the inverse document frequency, over the titles, of the word it matches best,
     * relative to the average word. "đăng ký" or "cấp" in a query weigh less than "kết hôn" or "căn cước".
     */
    private float[] weights(Query q, int n) {
        float[] weight = new float[q.size()];
        float sum = 0f;
        for (int w = 0; w < q.size(); w++) {
            int bestTerm = -1;
            float bestQuality = 0f;
            for (int term : q.matches[w].matched()) {
                float quality = q.matches[w].quality()[term];
                if (quality > bestQuality) {
                    bestQuality = quality;
                    bestTerm = term;
                }
            }
            int df = bestTerm < 0 ? 0 : index.titlePostings[bestTerm].length;
            weight[w] = (float) Math.log(1.0 + (n + 1.0) / (df + 1.0)) * (q.filler[w] ? FILLER_WEIGHT : 1f);
            sum += weight[w];
        }
        for (int w = 0; w < weight.length; w++) {
            weight[w] = sum == 0f ? 1f : weight[w] * weight.length / sum;
        }
        return weight;
    }

    private static float exactBonus(String title, Query q) {
        if (title.equals(q.folded)) {
            return TITLE_EXACT;
        }
        if (q.size() > 1 && (" " + title + " ").contains(" " + q.folded + " ")) {
            return TITLE_PHRASE;
        }
        return 0f;
    }

    private static void raise(float[] best, int[] procedures, float quality, boolean[] candidate) {
        for (int p : procedures) {
            if (best[p] < quality) {
                best[p] = quality;
            }
            candidate[p] = true;
        }
    }

    private static float max(float[] values) {
        float m = 0f;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private record Scored(int index, float score) {
    }
}
