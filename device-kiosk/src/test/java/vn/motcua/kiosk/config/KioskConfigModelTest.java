package vn.motcua.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.ConfigError;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.procedures.SampleCatalogs;

class KioskConfigModelTest {
    private final KioskConfigModel model = new KioskConfigModel();

    private static ObjectNode procedure(String id) {
        ObjectNode p = Json.object().put("id", id).put("title", "Đăng ký khai sinh").put("field", "Hộ tịch")
                .put("durationDays", 3).put("fee", "Miễn phí");
        p.putArray("documents").add("Tờ khai");
        return p;
    }

    @Test
    void defaults_to_lookup_with_the_bundled_sample_catalog() {
        KioskConfig c = model.defaults();

        assertThat(c.version()).isZero();
        assertThat(c.mode()).isEqualTo(KioskMode.LOOKUP);
        assertThat(c.procedures()).hasSameSizeAs(SampleCatalogs.sample());
        assertThat(c.idleSeconds()).isEqualTo(60);
        assertThat(c.announce().enabled()).isTrue();
        assertThat(c.announce().template()).isEqualTo("Mời số {ticket} đến quầy {counter}");
        assertThat(c.dossierCodePattern().pattern()).isEqualTo("^[A-Z0-9.-]{6,40}$");
    }

    @Test
    void reads_a_full_hall_display_config() {
        ObjectNode body = Json.object().put("version", 3).put("officeName", "UBND phường Định Công")
                .put("mode", "hall-display").put("dossierCodePattern", "^[0-9]{8}$").put("idleSeconds", 10)
                .put("notice", "Giờ làm việc 7h30 - 17h00");
        body.putArray("procedures").add(procedure("HT-001")).add(procedure("HT-002"));
        body.putObject("announce").put("enabled", false).put("template", "Số {ticket} mời đến quầy {counter}").put("voice", "vi");

        var parsed = model.parse(body);

        assertThat(parsed.errors()).isEmpty();
        KioskConfig c = parsed.config();
        assertThat(c.mode()).isEqualTo(KioskMode.HALL_DISPLAY);
        assertThat(c.procedures()).extracting(p -> p.id()).containsExactly("HT-001", "HT-002");
        assertThat(c.announce().voice()).contains("vi");
        assertThat(c.notice()).startsWith("Giờ làm việc");
    }

    @Test
    void reports_every_error_with_its_json_path() {
        ObjectNode body = Json.object().put("version", 2).put("mode", "disco").put("idleSeconds", 5)
                .put("dossierCodePattern", "([A-Z").put("notice", "x".repeat(201)).put("colour", "red");
        ArrayNode procedures = body.putArray("procedures");
        procedures.add(procedure("HT-001"));
        procedures.add(procedure("HT-001"));
        procedures.add(procedure("bad id!").put("durationDays", -1).put("extra", 1));
        procedures.add(procedure("HT-003").putNull("title"));
        body.putObject("announce").put("enabled", "yes").put("voice", "vi; rm -rf /");

        var parsed = model.parse(body);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).extracting(ConfigError::path).contains("mode", "idleSeconds", "dossierCodePattern",
                "notice", "colour", "procedures[1].id", "procedures[2].id", "procedures[2].durationDays",
                "procedures[2].extra", "procedures[3].title", "announce.enabled", "announce.voice");
    }

    @Test
    void refuses_more_than_2000_procedures() {
        ObjectNode body = Json.object().put("version", 1);
        ArrayNode procedures = body.putArray("procedures");
        for (int i = 0; i <= 2000; i++) {
            procedures.add(procedure("P-" + i));
        }

        assertThat(model.parse(body).errors()).extracting(ConfigError::path).containsExactly("procedures");
    }

    @Test
    void accepts_2000_generated_procedures() {
        ObjectNode body = Json.object().put("version", 1);
        body.set("procedures", Json.mapper().valueToTree(SampleCatalogs.generate(2000, 1).all()));

        var parsed = model.parse(body);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.config().procedures()).hasSize(2000);
    }
}
