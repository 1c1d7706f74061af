package vn.motcua.rating.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.ConfigError;
import vn.motcua.common.config.ConfigModel.Parsed;
import vn.motcua.common.json.Json;

class RatingConfigModelTest {
    private final RatingConfigModel model = new RatingConfigModel();

    private Parsed<RatingConfig> parse(String json) throws Exception {
        return model.parse(Json.parse(json));
    }

    @Test
    void the_defaults_offer_four_vietnamese_reasons_on_the_four_reason_buttons() {
        RatingConfig d = model.defaults();

        assertThat(d.version()).isZero();
        assertThat(d.reasons()).extracting(Reason::code).containsExactly("time", "attitude", "procedure", "other");
        assertThat(d.reasons()).extracting(Reason::button).containsExactly("reason-1", "reason-2", "reason-3", "reason-4");
        assertThat(d.reasons().get(0).label()).isEqualTo("Thời gian chờ lâu");
        assertThat(d.reasonTimeoutSeconds()).isEqualTo(15);
        assertThat(d.cooldownSeconds()).isEqualTo(20);
        assertThat(d.json().get("reasons")).hasSize(4);
    }

    @Test
    void the_defaults_as_json_parse_back_to_the_same_rules_once_given_a_version() throws Exception {
        JsonNode json = model.defaults().json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("version", 1);

        Parsed<RatingConfig> p = model.parse(json);

        assertThat(p.errors()).isEmpty();
        assertThat(p.config().reasons()).isEqualTo(model.defaults().reasons());
    }

    @Test
    void reads_a_full_config() throws Exception {
        Parsed<RatingConfig> p = parse("""
                {"version":3,"officeName":"UBND phường Định Công","reasonTimeoutSeconds":3,"cooldownSeconds":0,
                 "reasons":[{"code":"time","label":"Thời gian chờ lâu","button":"reason-1"},
                            {"code":"fee-2","label":"Phí cao","button":"reason-8"}]}""");

        assertThat(p.errors()).isEmpty();
        assertThat(p.config().reasons()).extracting(Reason::code).containsExactly("time", "fee-2");
        assertThat(p.config().reasons().get(1).number()).isEqualTo("8");
        assertThat(p.config().reasonTimeoutSeconds()).isEqualTo(3);
        assertThat(p.config().cooldownSeconds()).isZero();
    }

    @Test
    void reports_every_error_with_its_path() throws Exception {
        Parsed<RatingConfig> p = parse("""
                {"version":2,"reasonTimeoutSeconds":2,"cooldownSeconds":3601,"colour":"red",
                 "reasons":[{"code":"time","label":"Chờ lâu","button":"reason-1"},
                            {"code":"time","label":"","button":"reason-1","extra":1},
                            {"code":"Bad Code","label":"x","button":"A"}]}""");

        assertThat(p.valid()).isFalse();
        assertThat(p.errors()).extracting(ConfigError::path).contains(
                "reasonTimeoutSeconds", "cooldownSeconds", "colour",
                "reasons[1].code", "reasons[1].label", "reasons[1].button", "reasons[1].extra",
                "reasons[2].code", "reasons[2].button");
    }

    @Test
    void refuses_more_than_eight_reasons() throws Exception {
        StringBuilder reasons = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            reasons.append(i > 1 ? "," : "").append("{\"code\":\"r").append(i).append("\",\"label\":\"x\",\"button\":\"reason-")
                    .append(Math.min(i, 8)).append("\"}");
        }

        Parsed<RatingConfig> p = parse("{\"version\":1,\"reasons\":[" + reasons + "]}");

        assertThat(p.errors()).extracting(ConfigError::path).containsExactly("reasons");
    }

    @Test
    void a_version_is_required() throws Exception {
        assertThat(parse("{\"cooldownSeconds\":5}").errors()).extracting(ConfigError::path).containsExactly("version");
    }
}
