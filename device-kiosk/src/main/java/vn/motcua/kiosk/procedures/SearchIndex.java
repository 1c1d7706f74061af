package vn.motcua.kiosk.procedures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folded form of a catalog, computed once, so that a query never folds catalog text: the words of every
 * title and field, and for every word the procedures whose title or documents hold it.
 */
final class SearchIndex {
    /** One folded text: its words, the joined pairs of adjacent words (for queries typed without spaces). */
    record Words(String folded, int[] words, int[] pairs) {
    }

    final Vocabulary vocabulary = new Vocabulary();
    final Procedure[] procedures;
    final Words[] titles;
    final int[] fieldOf;
    final Words[] fields;
    final int[][] fieldMembers;
    final int[][] titlePostings;
    final int[][] documentPostings;
    /** Each procedure's folded documents, space-padded and separated by " | " so that no phrase spans two. */
    final String[] documentText;

    SearchIndex(List<Procedure> catalog) {
        int n = catalog.size();
        procedures = catalog.toArray(new Procedure[0]);
        titles = new Words[n];
        fieldOf = new int[n];
        documentText = new String[n];
        Map<String, Integer> fieldIds = new LinkedHashMap<>();
        List<Words> fieldWords = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        List<Set<Integer>> titleTerms = new ArrayList<>(n);
        List<Set<Integer>> documentTerms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Procedure p = procedures[i];
            titles[i] = words(p.title());
            Set<Integer> inTitle = new LinkedHashSet<>();
            for (int t : titles[i].words()) {
                inTitle.add(t);
            }
            for (int t : titles[i].pairs()) {
                inTitle.add(t);
            }
            titleTerms.add(inTitle);
            Integer f = fieldIds.get(p.field());
            if (f == null) {
                f = fieldIds.size();
                fieldIds.put(p.field(), f);
                fieldWords.add(words(p.field()));
                members.add(new ArrayList<>());
            }
            fieldOf[i] = f;
            members.get(f).add(i);
            Set<Integer> inDocuments = new LinkedHashSet<>();
            StringBuilder text = new StringBuilder(" ");
            for (String doc : p.documents()) {
                for (String token : TextFold.tokens(doc)) {
                    inDocuments.add(vocabulary.id(token));
                }
                text.append(TextFold.fold(doc)).append(" | ");
            }
            documentText[i] = text.toString();
            documentTerms.add(inDocuments);
        }
        vocabulary.freeze();
        fields = fieldWords.toArray(new Words[0]);
        fieldMembers = members.stream().map(SearchIndex::toArray).toArray(int[][]::new);
        titlePostings = postings(titleTerms, vocabulary.size());
        documentPostings = postings(documentTerms, vocabulary.size());
    }

    private Words words(String text) {
        List<String> tokens = TextFold.tokens(text);
        int[] ids = new int[tokens.size()];
        int[] pairs = new int[Math.max(0, tokens.size() - 1)];
        for (int i = 0; i < tokens.size(); i++) {
            ids[i] = vocabulary.id(tokens.get(i));
            if (i > 0) {
                pairs[i - 1] = vocabulary.id(tokens.get(i - 1) + tokens.get(i));
            }
        }
        return new Words(String.join(" ", tokens), ids, pairs);
    }

    private static int[][] postings(List<Set<Integer>> termsByProcedure, int vocabularySize) {
        List<List<Integer>> byTerm = new ArrayList<>(vocabularySize);
        for (int t = 0; t < vocabularySize; t++) {
            byTerm.add(new ArrayList<>(2));
        }
        for (int p = 0; p < termsByProcedure.size(); p++) {
            for (int t : termsByProcedure.get(p)) {
                byTerm.get(t).add(p);
            }
        }
        return byTerm.stream().map(SearchIndex::toArray).toArray(int[][]::new);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
