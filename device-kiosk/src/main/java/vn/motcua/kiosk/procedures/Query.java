package vn.motcua.kiosk.procedures;

import java.util.List;

/** A folded query and how each of its words matches the catalog's vocabulary. */
final class Query {
    final String folded;
    final Vocabulary.Match[] matches;

    private Query(String folded, Vocabulary.Match[] matches) {
        this.folded = folded;
        this.matches = matches;
    }

    /** Parses what was typed; null when it holds no word. The last word is being typed unless a space follows it. */
    static Query parse(String text, Vocabulary vocabulary) {
        if (text == null) {
            return null;
        }
        String cut = text.length() > ProcedureSearch.MAX_QUERY_CHARS
                ? text.substring(0, ProcedureSearch.MAX_QUERY_CHARS) : text;
        String folded = TextFold.fold(cut);
        if (folded.isEmpty()) {
            return null;
        }
        List<String> words = List.of(Aliases.expand(folded).split(" "));
        if (words.size() > ProcedureSearch.MAX_QUERY_WORDS) {
            words = words.subList(0, ProcedureSearch.MAX_QUERY_WORDS);
        }
        boolean typing = !Character.isWhitespace(cut.charAt(cut.length() - 1));
        EditDistance distance = new EditDistance();
        Vocabulary.Match[] matches = new Vocabulary.Match[words.size()];
        for (int w = 0; w < words.size(); w++) {
            boolean last = w == words.size() - 1;
            boolean prefix = typing && last && (words.get(w).length() >= 2 || words.size() > 1);
            matches[w] = vocabulary.match(words.get(w), prefix, distance);
        }
        return new Query(String.join(" ", words), matches);
    }

    int size() {
        return matches.length;
    }

    /** For each query word, its best match quality among the words (or joined word pairs) of one text. */
    float[] best(SearchIndex.Words text) {
        float[] best = new float[matches.length];
        for (int w = 0; w < matches.length; w++) {
            float[] quality = matches[w].quality();
            float b = 0f;
            for (int term : text.words()) {
                b = Math.max(b, quality[term]);
            }
            for (int term : text.pairs()) {
                b = Math.max(b, quality[term]);
            }
            best[w] = b;
        }
        return best;
    }

    /** How well consecutive query words match consecutive words of a text, summed over the query's word pairs. */
    float adjacency(int[] words) {
        float sum = 0f;
        for (int w = 0; w + 1 < matches.length; w++) {
            float[] here = matches[w].quality();
            float[] next = matches[w + 1].quality();
            float best = 0f;
            for (int p = 0; p + 1 < words.length; p++) {
                best = Math.max(best, Math.min(here[words[p]], next[words[p + 1]]));
            }
            sum += best;
        }
        return sum;
    }
}
