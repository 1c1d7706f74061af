package vn.motcua.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.common.json.Json;

/** What {@code watch} knows about an office from its MQTT topics: who is online (retained R/state) and the live lines to print. */
final class OfficeView {
    private final String prefix;
    private final Map<String, ObjectNode> devices = new TreeMap<>();

    OfficeView(String office) {
        this.prefix = "motcua/v1/" + office + "/";
    }

    /** Takes one message and returns what to print for it, as text or as JSON lines; stale wills print nothing. */
    List<String> accept(String topic, byte[] payload, boolean json) {
        if (!topic.startsWith(prefix)) {
            return List.of();
        }
        String[] parts = topic.substring(prefix.length()).split("/", 3);
        String text = new String(payload, StandardCharsets.UTF_8);
        JsonNode body = OutputOptions.parseOrNull(payload);
        if (parts.length == 2 && parts[0].equals("serving")) {
            return line(json, "serving", null, body, body == null ? "" : "counter " + parts[1] + ": "
                    + (body.path("ticket").isNull() ? "closed" : "now serving " + body.path("ticket").asText()));
        }
        if (parts.length == 2 && parts[1].equals("state")) {
            return state(parts[0], body, json);
        }
        if (parts.length == 3 && parts[1].equals("event") && body != null) {
            return line(json, "event", parts[0], body, body.path("ts").asText() + "  " + parts[0] + "  "
                    + body.path("type").asText() + " #" + body.path("seq").asText() + "  " + Json.write(body.path("data")));
        }
        if (parts.length == 2 && parts[1].equals("telemetry")) {
            return List.of();
        }
        return line(json, "other", null, body, topic + "  " + text);
    }

    private List<String> state(String deviceId, JsonNode body, boolean json) {
        if (body == null || !body.isObject()) {
            devices.remove(deviceId);
            return line(json, "state", deviceId, null, deviceId + " forgotten (retained state cleared)");
        }
        ObjectNode known = devices.get(deviceId);
        if (known != null && known.path("session").asLong() > body.path("session").asLong()) {
            return List.of();
        }
        ObjectNode merged = Json.object();
        if (known != null) {
            merged.setAll(known);
        }
        merged.setAll((ObjectNode) body);
        devices.put(deviceId, merged);
        String reason = merged.path("status").asText().equals("offline") ? " (" + body.path("reason").asText("?") + ")" : "";
        return line(json, "state", deviceId, body, deviceId + " is " + merged.path("status").asText() + reason
                + ", session " + merged.path("session").asText("?"));
    }

    private static List<String> line(boolean json, String type, String deviceId, JsonNode body, String text) {
        if (!json) {
            return List.of(TerminalText.clean(text));
        }
        ObjectNode out = Json.object().put("type", type);
        if (deviceId != null) {
            out.put("deviceId", deviceId);
        }
        out.set("payload", body);
        return List.of(TerminalText.json(Json.write(out)));
    }

    /** The table of known devices: id, status, session, kind, version. */
    List<String> table() {
        List<String> rows = new ArrayList<>();
        String format = "%-24s %-8s %-8s %-15s %s";
        rows.add(String.format(format, "DEVICE", "STATUS", "SESSION", "KIND", "VERSION"));
        long online = 0;
        for (Map.Entry<String, ObjectNode> d : devices.entrySet()) {
            ObjectNode s = d.getValue();
            online += s.path("status").asText().equals("online") ? 1 : 0;
            rows.add(String.format(format, TerminalText.clean(d.getKey()), TerminalText.clean(s.path("status").asText("?")),
                    TerminalText.clean(s.path("session").asText("-")), TerminalText.clean(s.path("kind").asText("-")),
                    TerminalText.clean(s.path("version").asText("-"))));
        }
        rows.add(online + " online, " + (devices.size() - online) + " offline");
        return rows;
    }
}
