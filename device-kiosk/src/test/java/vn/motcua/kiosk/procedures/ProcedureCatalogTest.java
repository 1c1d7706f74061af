package vn.motcua.kiosk.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;

class ProcedureCatalogTest {

    @Test
    void sample_holds_about_two_hundred_procedures_across_the_fields() {
        ProcedureCatalog catalog = SampleCatalogs.sampleCatalog();

        assertThat(catalog.size()).isBetween(180, 250);
        assertThat(catalog.fields()).extracting(FieldCount::field).contains("Hộ tịch", "Chứng thực", "Đất đai",
                "Xây dựng", "Hộ kinh doanh", "Lao động - Thương binh và Xã hội", "Bảo trợ xã hội", "Tư pháp",
                "Văn hóa", "Giáo dục", "Y tế", "Cư trú");
        assertThat(catalog.fields().stream().mapToInt(FieldCount::count).sum()).isEqualTo(catalog.size());
        assertThat(catalog.all()).allSatisfy(p -> {
            assertThat(p.id()).matches("[A-Z]{2}-\\d{3}");
            assertThat(p.title()).isNotBlank();
            assertThat(p.fee()).isNotBlank();
            assertThat(p.documents()).isNotEmpty();
        });
    }

    @Test
    void finds_procedures_by_id_and_by_field() {
        ProcedureCatalog catalog = SampleCatalogs.sampleCatalog();

        assertThat(catalog.byId("HT-001")).get().extracting(Procedure::title).isEqualTo("Đăng ký khai sinh");
        assertThat(catalog.byId("XX-999")).isEmpty();
        assertThat(catalog.byId(null)).isEmpty();
        assertThat(catalog.inField("Hộ tịch")).isNotEmpty().allSatisfy(p -> assertThat(p.field()).isEqualTo("Hộ tịch"));
        assertThat(catalog.inField("Không có")).isEmpty();
    }

    @Test
    void rejects_duplicate_ids() {
        Procedure p = new Procedure("HT-001", "Đăng ký khai sinh", "Hộ tịch", 0, "Miễn phí", List.of());

        assertThatThrownBy(() -> ProcedureCatalog.of(List.of(p, p))).hasMessageContaining("HT-001");
    }

    @Test
    void procedure_round_trips_through_the_config_json_shape() throws Exception {
        String json = "{\"id\":\"CT-001\",\"title\":\"Chứng thực chữ ký\",\"field\":\"Chứng thực\","
                + "\"durationDays\":0,\"fee\":\"10.000 đồng/trường hợp\",\"documents\":[\"Giấy tờ tùy thân\"]}";

        Procedure p = Procedure.fromJson(Json.parse(json));
        JsonNode back = Json.parse(Json.write(p.toJson()));

        assertThat(p.documents()).containsExactly("Giấy tờ tùy thân");
        assertThat(back).isEqualTo(Json.parse(json));
    }

    @Test
    void generates_a_two_thousand_procedure_catalog_that_searches_correctly() {
        ProcedureCatalog big = SampleCatalogs.generate(2000, 42);
        ProcedureSearch search = new ProcedureSearch(big);

        assertThat(big.size()).isEqualTo(2000);
        assertThat(big.all().stream().map(Procedure::title).collect(Collectors.toSet()).size()).isEqualTo(2000);
        assertThat(SampleCatalogs.generate(2000, 42).all()).isEqualTo(big.all());
        for (String q : List.of("ho tich", "HỘ TỊCH", "ho tihc")) {
            assertThat(search.search(q, 20)).hasSize(20).allSatisfy(r -> assertThat(r.field()).isEqualTo("Hộ tịch"));
        }
        assertThat(search.search("giay phep xay dung", 10)).allSatisfy(r -> assertThat(r.field()).isEqualTo("Xây dựng"));
    }

    @Test
    void sample_dossiers_have_valid_codes_statuses_and_known_procedures() {
        List<SampleDossier> dossiers = SampleDossiers.load();
        ProcedureCatalog catalog = SampleCatalogs.sampleCatalog();
        Pattern code = Pattern.compile("^[A-Z0-9.-]{6,40}$");

        assertThat(dossiers).hasSizeGreaterThanOrEqualTo(25);
        assertThat(dossiers).allSatisfy(d -> {
            assertThat(d.code()).matches(code);
            assertThat(d.status()).isIn("received", "processing", "additional-documents", "ready", "returned", "rejected");
            assertThat(d.statusText()).isNotBlank();
            assertThat(catalog.byId(d.procedureId())).isPresent();
        });
        assertThat(dossiers.stream().map(SampleDossier::status).collect(Collectors.toSet())).hasSize(6);
        assertThat(dossiers.stream().map(SampleDossier::code).collect(Collectors.toSet())).hasSize(dossiers.size());
        assertThat(Set.copyOf(dossiers)).hasSize(dossiers.size());
    }
}
