package vn.motcua.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;

class ConfigReaderTest {
    private static ConfigReader reader(String json) throws Exception {
        return ConfigReader.root(Json.parse(json));
    }

    @Test
    void collects_every_error_with_its_json_path() throws Exception {
        ConfigReader r = reader("{\"version\":0,\"items\":[{\"name\":5},{\"name\":\"ok\"},3],\"extra\":true}");
        r.requiredLong("version", 1, Long.MAX_VALUE);
        r.objects("items", 10, (item, i) -> item.requiredText("name", 1, 10));
        r.rejectUnknown(Set.of("version", "items"));
        assertThat(r.errors()).extracting(ConfigError::path)
                .containsExactly("version", "items[0].name", "items[2]", "extra");
    }

    @Test
    void nested_objects_carry_their_path() throws Exception {
        ConfigReader r = reader("{\"ticket\":{\"header\":[\"a\",7]}}");
        r.object("ticket", null, t -> t.texts("header", List.of(), 8, 64));
        assertThat(r.errors()).containsExactly(new ConfigError("ticket.header[1]", "must be a string"));
    }

    @Test
    void reads_defaults_and_common_fields() throws Exception {
        ConfigReader r = reader("{\"version\":3,\"businessDayStart\":\"06:30\"}");
        CommonConfig c = CommonConfig.read(r);
        assertThat(r.valid()).isTrue();
        assertThat(c).isEqualTo(new CommonConfig(3, "", "vi", 60, LocalTime.of(6, 30), 120));
    }

    @Test
    void update_trial_seconds_defaults_to_120_and_takes_10_to_3600() throws Exception {
        ConfigReader r = reader("{\"version\":1,\"updateTrialSeconds\":10}");
        assertThat(CommonConfig.read(r).updateTrialSeconds()).isEqualTo(10);
        assertThat(r.valid()).isTrue();
        ConfigReader top = reader("{\"version\":1,\"updateTrialSeconds\":3600}");
        assertThat(CommonConfig.read(top).updateTrialSeconds()).isEqualTo(3600);
        assertThat(CommonConfig.defaults().updateTrialSeconds()).isEqualTo(120);
        for (String bad : List.of("9", "3601", "\"60\"", "1.5")) {
            ConfigReader b = reader("{\"version\":1,\"updateTrialSeconds\":" + bad + "}");
            CommonConfig.read(b);
            assertThat(b.errors()).as(bad).extracting(ConfigError::path).containsExactly("updateTrialSeconds");
        }
    }

    @Test
    void rejects_out_of_range_and_wrong_types() throws Exception {
        ConfigReader r = reader("{\"version\":\"1\",\"telemetryIntervalSeconds\":3601,\"locale\":\"fr\",\"businessDayStart\":\"7:00\"}");
        CommonConfig.read(r);
        assertThat(r.errors()).extracting(ConfigError::path)
                .containsExactlyInAnyOrder("version", "telemetryIntervalSeconds", "locale", "businessDayStart");
    }

    @Test
    void a_body_that_is_not_an_object_is_an_error_at_the_root() throws Exception {
        assertThat(reader("[1,2]").errors()).containsExactly(new ConfigError("", "the config must be a JSON object"));
    }

    @Test
    void a_broken_regex_is_an_error() throws Exception {
        ConfigReader r = reader("{\"pattern\":\"([A-Z\"}");
        r.regex("pattern", "^[A-Z]+$");
        assertThat(r.errors()).extracting(ConfigError::path).containsExactly("pattern");
    }
}
