package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.TestDirs;

/** {@code office check}: office-wide rules across devices, every problem with its path. */
class OfficeCheckTest {
    private static final String GOOD = """
            {"office":"hoang-mai/dinh-cong","devices":[
              {"deviceId":"tp-dinh-cong-01","kind":"ticket-printer","config":{"version":1,"officeName":"Phường Định Công",
                "services":[{"code":"A","name":"Hộ tịch","button":"A"},{"code":"B","name":"Đất đai","button":"B"}]}},
              {"deviceId":"tp-dinh-cong-02","kind":"ticket-printer","config":{"version":1,
                "services":[{"code":"C","name":"Tư pháp","button":"A"}]}},
              {"deviceId":"rp-dinh-cong-01","kind":"rating-pad","counter":1},
              {"deviceId":"rp-dinh-cong-02","kind":"rating-pad","counter":2},
              {"deviceId":"ks-dinh-cong-01","kind":"kiosk","config":{"version":1,"mode":"lookup"}}
            ]}""";
    private static final String BAD = """
            {"office":"hoang-mai/dinh-cong","devices":[
              {"deviceId":"tp-dinh-cong-01","kind":"ticket-printer","config":{"version":1,
                "services":[{"code":"A","name":"Hộ tịch","button":"A"}]}},
              {"deviceId":"tp-dinh-cong-01","kind":"ticket-printer","config":{"version":1,
                "services":[{"code":"B","name":"Đất đai","button":"A"}]}},
              {"deviceId":"tp-dinh-cong-03","kind":"ticket-printer","config":{"version":1,
                "services":[{"code":"a","name":"Tư pháp","button":"A"},{"code":"A","name":"Hộ tịch","button":"B"}]}},
              {"deviceId":"rp-dinh-cong-01","kind":"rating-pad","counter":1},
              {"deviceId":"rp-dinh-cong-02","kind":"rating-pad","counter":1},
              {"deviceId":"rp-dinh-cong-03","kind":"rating-pad","counter":7},
              {"deviceId":"rp-dinh-cong-04","kind":"rating-pad"},
              {"deviceId":"KS_1","kind":"toaster","counter":2}
            ]}""";
    private final Path dir = TestDirs.create("office-");

    private String write(String text) throws Exception {
        return Files.writeString(dir.resolve("office.json"), text).toString();
    }

    @Test
    void a_good_office_passes_and_says_which_kinds_were_not_validated() throws Exception {
        Ctl.Result r = Ctl.run("office", "check", write(GOOD));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("5 devices, 0 problems");
    }

    @Test
    void a_bad_office_reports_every_problem_with_its_path() throws Exception {
        Ctl.Result r = Ctl.run("office", "check", write(BAD));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out())
                .contains("devices[1].deviceId: \"tp-dinh-cong-01\" is already used by devices[0]")
                .contains("devices[2].config.services[0].code: ")
                .contains("devices[2].config.services[1].code: service \"A\" is already issued by devices[0] (tp-dinh-cong-01)")
                .contains("devices[4].counter: counter 1 already has a rating pad: devices[3] (rp-dinh-cong-01)")
                .contains("devices[5].counter: counter 7 is outside 1..4")
                .contains("devices[6].counter: is required for a rating-pad")
                .contains("devices[7].deviceId: \"KS_1\" must match")
                .contains("devices[7].kind: must be ticket-printer, rating-pad or kiosk")
                .doesNotContain("devices[1].config.services");
    }

    @Test
    void json_output_lists_the_problems_for_scripts() throws Exception {
        Ctl.Result r = Ctl.run("office", "check", "--json", write(BAD));
        assertThat(r.exit()).isEqualTo(1);
        JsonNode out = Json.parse(r.out());
        assertThat(out.path("ok").asBoolean()).isFalse();
        assertThat(out.path("devices").asInt()).isEqualTo(8);
        assertThat(out.path("problems").findValuesAsText("path")).contains("devices[2].config.services[0].code");
    }

    @Test
    void a_description_without_devices_is_a_problem() throws Exception {
        Ctl.Result r = Ctl.run("office", "check", write("{\"office\":\"Hoang Mai\"}"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("office: must be like hoang-mai/dinh-cong").contains("devices: must be a non-empty array");
    }

    @Test
    void a_file_that_is_not_json_or_missing_is_exit_4() throws Exception {
        assertThat(Ctl.run("office", "check", write("{\"office\":")).exit()).isEqualTo(4);
        assertThat(Ctl.run("office", "check", dir.resolve("missing.json").toString()).exit()).isEqualTo(4);
    }
}
