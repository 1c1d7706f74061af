package vn.motcua.kiosk.procedures;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.motcua.common.json.Json;

/**
 * Queries a citizen types at the kiosk, each with the sample procedures (by id) that answer it, and how well a search
 * ranks them: precision@5 and recall@5, averaged over the queries. The unit test and the benchmark share it.
 */
public final class SearchJudgements {
    static final String RESOURCE = "/vn/motcua/kiosk/procedures/judged-queries.json";
    public static final int K = 5;

    /** One judged query; {@code relevant} are sample ids, and in a generated catalog their variants count too. */
    public record Judged(String query, Set<String> relevant) {
        boolean relevant(String id) {
            int variant = id.lastIndexOf('-');
            return relevant.contains(id) || (variant > 3 && relevant.contains(id.substring(0, variant)));
        }
    }

    /** How one query fared: what the search listed first, and its precision and recall at {@link #K}. */
    public record Outcome(Judged judged, List<String> top, double precision, double recall) {
    }

    /** The averages over every judged query, and each query's outcome. */
    public record Quality(double precision, double recall, List<Outcome> outcomes) {
        /** The queries that missed a relevant procedure or listed an irrelevant one in their top {@link #K}. */
        public List<Outcome> imperfect() {
            return outcomes.stream().filter(o -> o.precision() < 1 || o.recall() < 1).toList();
        }
    }

    private record Row(String query, List<String> relevant) {
    }

    private SearchJudgements() {
    }

    /** The judged queries (about a hundred) from the test resources. */
    public static List<Judged> load() {
        try (InputStream in = SearchJudgements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Row> rows = Json.mapper().readValue(in, new TypeReference<List<Row>>() { });
            return rows.stream().map(r -> new Judged(r.query(), Set.copyOf(r.relevant()))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Precision@5: the share of relevant procedures among the (at most five) listed first, 0 when nothing is listed.
     * Recall@5: the relevant procedures listed in the first five over how many could be there (min(5, relevant ones in
     * the catalog)).
     */
    public static Quality measure(ProcedureCatalog catalog, List<Judged> queries) {
        ProcedureSearch search = new ProcedureSearch(catalog);
        List<Outcome> outcomes = new ArrayList<>(queries.size());
        double precision = 0;
        double recall = 0;
        for (Judged j : queries) {
            List<String> top = search.search(j.query(), K).stream().map(SearchResult::id).toList();
            long hits = top.stream().filter(j::relevant).count();
            double p = top.isEmpty() ? 0 : (double) hits / top.size();
            long relevant = catalog.all().stream().filter(x -> j.relevant(x.id())).count();
            double r = (double) hits / Math.min(K, relevant);
            outcomes.add(new Outcome(j, top, p, r));
            precision += p;
            recall += r;
        }
        return new Quality(precision / queries.size(), recall / queries.size(), outcomes);
    }
}
