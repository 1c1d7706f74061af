package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.common.config.ConfigError;

/** The office-wide service rule: each service code (A, B, ...) is issued by one ticket printer only. */
final class ServiceOwners {
    private ServiceOwners() {
    }

    static void check(JsonNode devices, List<ConfigError> problems) {
        Map<String, String> owners = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            JsonNode d = devices.get(i);
            if (!d.path("kind").asText().equals("ticket-printer")) {
                continue;
            }
            String owner = "devices[" + i + "] (" + d.path("deviceId").asText() + ")";
            JsonNode services = d.path("config").path("services");
            for (int j = 0; j < services.size(); j++) {
                JsonNode code = services.get(j).path("code");
                if (!code.isTextual()) {
                    continue;
                }
                String first = owners.putIfAbsent(code.asText(), owner);
                if (first != null && !first.equals(owner)) {
                    problems.add(new ConfigError("devices[" + i + "].config.services[" + j + "].code",
                            "service \"" + code.asText() + "\" is already issued by " + first
                                    + "; one ticket printer per service code, or two printers would hand out the same numbers"));
                }
            }
        }
    }
}
