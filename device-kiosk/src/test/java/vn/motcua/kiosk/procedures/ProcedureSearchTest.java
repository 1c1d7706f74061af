package vn.motcua.kiosk.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcedureSearchTest {
    private static final ProcedureSearch SAMPLE = new ProcedureSearch(SampleCatalogs.sampleCatalog());

    private static List<String> fields(List<SearchResult> results, int n) {
        return results.stream().limit(n).map(SearchResult::field).toList();
    }

    @Test
    void finds_civil_status_procedures_first_without_diacritics() {
        List<SearchResult> results = SAMPLE.search("ho tich", 10);

        assertThat(results).hasSize(10);
        assertThat(fields(results, 10)).containsOnly("Hộ tịch");
        assertThat(results.get(0).title()).containsIgnoringCase("hộ tịch");
    }

    @Test
    void finds_civil_status_procedures_first_in_upper_case_with_diacritics() {
        List<SearchResult> results = SAMPLE.search("HỘ TỊCH", 10);

        assertThat(fields(results, 10)).containsOnly("Hộ tịch");
        assertThat(results).isEqualTo(SAMPLE.search("ho tich", 10));
    }

    @Test
    void finds_civil_status_procedures_first_despite_a_swapped_letter() {
        List<SearchResult> results = SAMPLE.search("ho tihc", 10);

        assertThat(fields(results, 10)).containsOnly("Hộ tịch");
        assertThat(results.get(0).title()).containsIgnoringCase("hộ tịch");
    }

    @Test
    void ranks_the_exact_title_first() {
        assertThat(SAMPLE.search("dang ky khai sinh", 5).get(0).id()).isEqualTo("HT-001");
        assertThat(SAMPLE.search("Đăng ký kết hôn", 5).get(0).id()).isEqualTo("HT-007");
        assertThat(SAMPLE.search("tach ho", 5).get(0).title()).isEqualTo("Tách hộ");
    }

    @Test
    void completes_the_word_being_typed() {
        List<SearchResult> results = SAMPLE.search("khai si", 5);

        assertThat(results).isNotEmpty();
        assertThat(results.get(0).title()).startsWith("Đăng ký khai sinh");
    }

    @Test
    void finds_words_typed_without_spaces() {
        List<SearchResult> results = SAMPLE.search("khaisinh", 5);

        assertThat(results).isNotEmpty();
        assertThat(results.get(0).title()).containsIgnoringCase("khai sinh");
    }

    @Test
    void finds_building_permits_with_a_typo_in_a_long_word() {
        List<SearchResult> results = SAMPLE.search("giay phep xay dung nha o rieng le", 5);

        assertThat(results.get(0).id()).isEqualTo("XD-001");
        assertThat(fields(SAMPLE.search("giay phep xay dugn", 5), 5)).containsOnly("Xây dựng");
    }

    @Test
    void scores_best_first() {
        List<SearchResult> results = SAMPLE.search("chung thuc hop dong", 20);

        assertThat(results).extracting(SearchResult::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(results.get(0).field()).isEqualTo("Chứng thực");
    }

    @Test
    void blank_query_finds_nothing() {
        assertThat(SAMPLE.search("", 10)).isEmpty();
        assertThat(SAMPLE.search("   ", 10)).isEmpty();
        assertThat(SAMPLE.search(null, 10)).isEmpty();
        assertThat(SAMPLE.search("?!, ..", 10)).isEmpty();
    }

    @Test
    void unrelated_query_finds_nothing() {
        assertThat(SAMPLE.search("xyzzyq", 10)).isEmpty();
    }

    @Test
    void clamps_the_limit_between_one_and_fifty() {
        assertThat(SAMPLE.search("dang ky", 0)).hasSize(1);
        assertThat(SAMPLE.search("dang ky", -5)).hasSize(1);
        assertThat(SAMPLE.search("dang ky", 1000)).hasSize(ProcedureSearch.MAX_LIMIT);
    }

    @Test
    void survives_a_very_long_query() {
        assertThat(SAMPLE.search("khai sinh ".repeat(500), 5)).isNotEmpty();
    }

    @Test
    void ranks_title_over_field_over_documents() {
        ProcedureCatalog catalog = ProcedureCatalog.of(List.of(
                new Procedure("D-1", "Cấp giấy xác nhận", "Tư pháp", 1, "Miễn phí", List.of("Bản sao sổ hộ tịch")),
                new Procedure("F-1", "Đăng ký khai sinh", "Hộ tịch", 3, "Miễn phí", List.of("Tờ khai")),
                new Procedure("T-1", "Cấp bản sao trích lục hộ tịch", "Chứng thực", 0, "8.000 đồng/bản", List.of()),
                new Procedure("N-1", "Đăng ký tạm trú", "Cư trú", 3, "15.000 đồng", List.of("Tờ khai"))));

        List<SearchResult> results = new ProcedureSearch(catalog).search("ho tich", 10);

        assertThat(results).extracting(SearchResult::id).containsExactly("T-1", "F-1", "D-1");
    }

    @Test
    void ranks_title_matches_over_field_matches_over_document_matches_in_the_sample() {
        ProcedureCatalog catalog = SampleCatalogs.sampleCatalog();
        for (String q : List.of("ho tich", "giay chung sinh", "chung thuc", "bao hiem y te", "ho kinh doanh")) {
            List<SearchResult> results = SAMPLE.search(q, 50);
            List<Integer> kinds = results.stream().map(r -> kind(catalog.byId(r.id()).orElseThrow(), q)).toList();

            assertThat(kinds).as("match kinds for '%s'", q).isSorted().contains(0);
        }
        List<String> chungSinh = SAMPLE.search("giay chung sinh", 10).stream().map(SearchResult::id).toList();
        assertThat(chungSinh.subList(0, 2)).containsExactlyInAnyOrder("YT-003", "YT-004");
        assertThat(chungSinh.subList(2, 5)).allSatisfy(id -> assertThat(id).startsWith("HT-"));
    }

    /** 0: the title holds the query as a phrase, 1: the field does, 2: neither (scattered or document matches). */
    private static int kind(Procedure p, String q) {
        String phrase = " " + TextFold.fold(q) + " ";
        if ((" " + TextFold.fold(p.title()) + " ").contains(phrase)) {
            return 0;
        }
        if ((" " + TextFold.fold(p.field()) + " ").contains(phrase)) {
            return 1;
        }
        return 2;
    }

    @Test
    void understands_everyday_names_for_procedures() {
        assertThat(SAMPLE.search("lam so do", 5).get(0).field()).isEqualTo("Đất đai");
        assertThat(fields(SAMPLE.search("CCCD", 2), 2)).containsOnly("Cư trú");
        assertThat(SAMPLE.search("cấp lại CMND", 1).get(0).title()).isEqualTo("Cấp lại thẻ Căn cước");
        assertThat(fields(SAMPLE.search("gpxd", 5), 5)).containsOnly("Xây dựng");
    }

    @Test
    void searches_an_empty_catalog_without_failing() {
        assertThat(new ProcedureSearch(ProcedureCatalog.empty()).search("ho tich", 10)).isEmpty();
    }

    @Test
    void judged_queries_find_what_citizens_mean_in_the_first_five() {
        SearchJudgements.Quality q = SearchJudgements.measure(SampleCatalogs.sampleCatalog(), SearchJudgements.load());

        assertThat(q.outcomes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(q.precision()).as("precision@5 over the sample; the queries that fell short: %s", q.imperfect())
                .isGreaterThanOrEqualTo(0.80);
        assertThat(q.recall()).as("recall@5 over the sample; the queries that fell short: %s", q.imperfect())
                .isGreaterThanOrEqualTo(0.95);
        SearchJudgements.Quality big = SearchJudgements.measure(SampleCatalogs.generate(2000, 42), SearchJudgements.load());
        assertThat(big.precision()).as("precision@5 over 2,000 procedures").isGreaterThanOrEqualTo(0.95);
        assertThat(big.recall()).as("recall@5 over 2,000 procedures").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void lists_only_results_near_the_best_one_not_everything_sharing_a_word() {
        List<SearchResult> marriage = SAMPLE.search("ket hon", 20);
        assertThat(marriage).extracting(SearchResult::id).contains("HT-007", "HT-008", "HT-009", "HT-022")
                .doesNotContain("VH-007", "NN-004", "LD-009");
        assertThat(marriage).allSatisfy(r -> assertThat(r.score()).isGreaterThanOrEqualTo(
                ProcedureSearch.RELEVANCE_FLOOR * marriage.get(0).score() - 0.01));
        List<SearchResult> big = new ProcedureSearch(SampleCatalogs.generate(2000, 42)).search("ket hon", 20);
        assertThat(big).allSatisfy(r -> assertThat(TextFold.fold(r.title())).contains("ket hon"));
    }

    @Test
    void words_around_a_procedures_name_do_not_push_it_down() {
        assertThat(SAMPLE.search("lam giay khai sinh cho con", 5)).isNotEmpty()
                .allSatisfy(r -> assertThat(TextFold.fold(r.title())).contains("khai sinh"));
        assertThat(SAMPLE.search("xin giay xac nhan doc than", 1).get(0).id()).isEqualTo("HT-018");
        assertThat(SAMPLE.search("the bhyt", 5)).extracting(SearchResult::id).contains("YT-006");
    }
}
