package vn.motcua.kiosk.procedures;

import java.util.List;
import java.util.Set;

/** A folded query and how each of its words matches the catalog's vocabulary. */
final class Query {
    /**
     * Words citizens add around a procedure's name ("làm giấy khai sinh cho con", "xin phép", "thủ tục"): they count
     * a little when a title holds them, and a title without them is not taken as covering less of the query.
     */
    static final Set<String> FILLERS = Set.of("cho", "lam", "xin", "cua", "va", "ve", "tai", "thu", "tuc", "toi",
            "muon", "de", "nhu", "nao", "gi", "dau", "o", "minh", "ai", "giup", "viec", "con", "be");

    final String folded;
    final Vocabulary.Match[] matches;
    /** For each word, whether it is a filler (only when the query holds some word that is not). */
    final boolean[] filler;

    private Query(String folded, Vocabulary.Match[] matches, boolean[] filler) {
        this.folded = folded;
        this.matches = matches;
        this.filler = filler;
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
        String expanded = Aliases.expand(folded);
        List<String> words = List.of(expanded.split(" "));
        if (words.size() > ProcedureSearch.MAX_QUERY_WORDS) {
            words = words.subList(0, ProcedureSearch.MAX_QUERY_WORDS);
        }
        // a last word an alias wrote is whole, not one the citizen is still typing
        boolean aliased = !folded.substring(folded.lastIndexOf(' ') + 1).equals(words.get(words.size() - 1));
        boolean typing = !aliased && !Character.isWhitespace(cut.charAt(cut.length() - 1));
        EditDistance distance = new EditDistance();
        Vocabulary.Match[] matches = new Vocabulary.Match[words.size()];
        for (int w = 0; w < words.size(); w++) {
            boolean last = w == words.size() - 1;
            boolean prefix = typing && last && (words.get(w).length() >= 2 || words.size() > 1);
            matches[w] = vocabulary.match(words.get(w), prefix, distance);
        }
        boolean[] filler = new boolean[words.size()];
        boolean content = false;
        for (int w = 0; w < words.size(); w++) {
            filler[w] = FILLERS.contains(words.get(w));
            content |= !filler[w];
        }
        return new Query(String.join(" ", words), matches, content ? filler : new boolean[words.size()]);
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
