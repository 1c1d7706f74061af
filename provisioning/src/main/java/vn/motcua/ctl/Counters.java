package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.common.config.ConfigError;

/** The office-wide counter rule: every rating pad has its own counter, and the counters are numbered 1..N. */
final class Counters {
    private Counters() {
    }

    static void check(JsonNode devices, List<Integer> padIndexes, List<ConfigError> problems) {
        int n = padIndexes.size();
        Map<Integer, String> owners = new HashMap<>();
        for (int i : padIndexes) {
            String at = "devices[" + i + "].counter";
            JsonNode c = devices.get(i).get("counter");
            if (c == null || !c.isIntegralNumber() || !c.canConvertToInt() || c.asInt() < 1) {
                problems.add(new ConfigError(at, "is required for a rating-pad and must be an integer >= 1"));
                continue;
            }
            int counter = c.asInt();
            String owner = owners.putIfAbsent(counter, "devices[" + i + "] (" + devices.get(i).path("deviceId").asText() + ")");
            if (owner != null) {
                problems.add(new ConfigError(at, "counter " + counter + " already has a rating pad: " + owner));
            } else if (counter > n) {
                problems.add(new ConfigError(at, "counter " + counter + " is outside 1.." + n
                        + " (the office has " + n + " rating pad" + (n == 1 ? "" : "s") + ", numbered 1..N)"));
            }
        }
    }
}
