package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.common.config.ConfigError;
import vn.motcua.common.config.ConfigModel;

/** Checks an office description across its devices: ids, counters, service-code owners and each device's config. */
final class OfficeChecker {
    private static final Pattern DEVICE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,63}$");
    private static final Pattern OFFICE = Pattern.compile("^[a-z0-9-]+(/[a-z0-9-]+)*$");
    private static final Set<String> DEVICE_FIELDS = Set.of("deviceId", "kind", "counter", "config");

    /** The findings: problems (each with its path) and the devices whose config could not be validated here. */
    record Report(List<ConfigError> problems, int devices) {
    }

    private final List<ConfigError> problems = new ArrayList<>();

    static Report check(JsonNode office) {
        return new OfficeChecker().run(office);
    }

    private Report run(JsonNode office) {
        if (!office.isObject()) {
            problem("", "the office description must be a JSON object with \"office\" and \"devices\"");
            return report(0);
        }
        if (!OFFICE.matcher(office.path("office").asText("")).matches()) {
            problem("office", "must be like hoang-mai/dinh-cong (parts of a-z 0-9 - separated by /)");
        }
        JsonNode devices = office.path("devices");
        if (!devices.isArray() || devices.isEmpty()) {
            problem("devices", "must be a non-empty array");
            return report(0);
        }
        Map<String, String> ids = new HashMap<>();
        List<Integer> padIndexes = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            device(devices.get(i), "devices[" + i + "]", ids);
            if (devices.get(i).path("kind").asText().equals("rating-pad")) {
                padIndexes.add(i);
            }
        }
        Counters.check(devices, padIndexes, problems);
        ServiceOwners.check(devices, problems);
        return report(devices.size());
    }

    private void device(JsonNode d, String at, Map<String, String> ids) {
        if (!d.isObject()) {
            problem(at, "must be an object with deviceId, kind, counter (rating pads) and config");
            return;
        }
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!DEVICE_FIELDS.contains(f)) {
                problem(at + "." + f, "is not a known field (known: config, counter, deviceId, kind)");
            }
        }
        String id = d.path("deviceId").asText("");
        if (!DEVICE_ID.matcher(id).matches()) {
            problem(at + ".deviceId", "\"" + id + "\" must match " + DEVICE_ID.pattern());
        } else if (ids.containsKey(id)) {
            problem(at + ".deviceId", "\"" + id + "\" is already used by " + ids.get(id));
        } else {
            ids.put(id, at);
        }
        String kind = d.path("kind").asText("");
        if (!ConfigModels.known(kind)) {
            problem(at + ".kind", "must be ticket-printer, rating-pad or kiosk (got \"" + kind + "\")");
            return;
        }
        if (!kind.equals("rating-pad") && d.has("counter")) {
            problem(at + ".counter", "is only for a rating-pad; remove it for a " + kind);
        }
        if (d.has("config")) {
            config(d.get("config"), kind, at, id);
        }
    }

    private void config(JsonNode config, String kind, String at, String id) {
        for (ConfigError e : ConfigModels.forKind(kind).parse(config).errors()) {
            problem(at + ".config" + (e.path().isEmpty() ? "" : "." + e.path()), e.message());
        }
    }

    private void problem(String path, String message) {
        problems.add(new ConfigError(path, message));
    }

    private Report report(int devices) {
        return new Report(List.copyOf(problems), devices);
    }
}
