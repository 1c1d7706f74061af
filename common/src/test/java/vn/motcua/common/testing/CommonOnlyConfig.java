package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.common.config.CommonConfig;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.config.ConfigReader;
import vn.motcua.common.config.DeviceConfig;
import vn.motcua.common.json.Json;

/** A test kind whose config has only the common fields (plus an optional "failApply" to test rollback). */
public record CommonOnlyConfig(CommonConfig common, boolean failApply, JsonNode json) implements DeviceConfig {
    /** Its model. */
    public static final class Model implements ConfigModel<CommonOnlyConfig> {
        @Override
        public CommonOnlyConfig defaults() {
            return new CommonOnlyConfig(CommonConfig.defaults(), false, Json.object().put("version", 0));
        }

        @Override
        public Parsed<CommonOnlyConfig> parse(JsonNode body) {
            return ConfigReader.parse(body, r -> read(r, body));
        }

        private static CommonOnlyConfig read(ConfigReader r, JsonNode body) {
            CommonConfig common = CommonConfig.read(r);
            boolean fail = r.bool("failApply", false);
            r.texts("padding", java.util.List.of(), 100_000, 10_000);
            var known = new java.util.HashSet<>(CommonConfig.FIELDS);
            known.add("failApply");
            known.add("padding");
            r.rejectUnknown(known);
            return new CommonOnlyConfig(common, fail, body);
        }
    }
}
