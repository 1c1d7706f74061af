package vn.motcua.bench;

import java.util.List;
import vn.motcua.kiosk.procedures.ProcedureCatalog;
import vn.motcua.kiosk.procedures.ProcedureSearch;
import vn.motcua.kiosk.procedures.SampleCatalogs;
import vn.motcua.kiosk.procedures.SearchJudgements;

/**
 * Kiosk search quality and latency: precision@5 and recall@5 of the judged queries (device-kiosk's test resources)
 * over the real sample and over the generated catalog; then over the generated catalog (as GET /api/procedures runs
 * it, limit 20) the index build time and p50/p99 of realistic queries after a warm-up. Args: [procedures] [queries].
 */
public final class ProcedureSearchBench {
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        ProcedureCatalog catalog = SampleCatalogs.generate(size, 42);
        List<SearchJudgements.Judged> judged = SearchJudgements.load();
        SearchJudgements.Quality sample = SearchJudgements.measure(SampleCatalogs.sampleCatalog(), judged);
        SearchJudgements.Quality generated = SearchJudgements.measure(catalog, judged);
        System.out.println("search_judged_queries=" + judged.size() + " sample_catalog=" + SampleCatalogs.sampleCatalog().size()
                + " precision_at_5=" + Stats.fmt(sample.precision()) + " recall_at_5=" + Stats.fmt(sample.recall())
                + " (catalog of " + size + ": precision_at_5=" + Stats.fmt(generated.precision())
                + " recall_at_5=" + Stats.fmt(generated.recall()) + ")");
        long t0 = System.nanoTime();
        ProcedureSearch search = new ProcedureSearch(catalog);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        List<String> warmup = SearchQueries.make(catalog.all(), 3000, 1);
        List<String> queries = SearchQueries.make(catalog.all(), n, 2);
        long hits = 0;
        for (String q : warmup) {
            hits += search.search(q, 20).size();
        }
        long[] samples = new long[n];
        int empty = 0;
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            int found = search.search(queries.get(i), 20).size();
            samples[i] = System.nanoTime() - start;
            empty += found == 0 ? 1 : 0;
            hits += found;
        }
        Stats stats = new Stats(samples);
        System.out.println("search_catalog=" + size + " queries=" + n + " index_build_ms=" + Stats.fmt(buildMs));
        System.out.println("search_p50_ms=" + Stats.fmt(stats.percentileMillis(50)) + " search_p99_ms="
                + Stats.fmt(stats.percentileMillis(99)) + " search_max_ms=" + Stats.fmt(stats.percentileMillis(100))
                + " queries_without_results=" + empty + " (checksum " + hits + ")");
    }
}
