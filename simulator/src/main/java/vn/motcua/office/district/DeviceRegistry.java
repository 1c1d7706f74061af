package vn.motcua.office.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.common.json.Json;

/** Which devices are online, from their retained states, and what their last telemetry said. */
public final class DeviceRegistry {
    private final Map<String, ObjectNode> devices = new TreeMap<>();

    /** Takes a {@code R/state} message; a will from an older session than the known birth is ignored. */
    public synchronized void state(String deviceId, JsonNode state) {
        ObjectNode d = device(deviceId);
        long session = state.path("session").asLong(0);
        long known = d.path("session").asLong(0);
        boolean offline = "offline".equals(state.path("status").asText());
        if (offline && session < known) {
            return;
        }
        d.put("online", !offline);
        d.put("session", session);
        if (offline) {
            d.put("reason", state.path("reason").asText(""));
        } else {
            d.remove("reason");
            for (String field : new String[] {"kind", "version", "configVersion", "ts"}) {
                if (state.has(field)) {
                    d.set(field, state.get(field));
                }
            }
        }
    }

    /** Takes a {@code R/telemetry} message. */
    public synchronized void telemetry(String deviceId, JsonNode telemetry) {
        ObjectNode t = device(deviceId).putObject("telemetry");
        for (String field : new String[] {"ts", "uptimeSeconds", "outboxDepth", "configVersion", "hardware"}) {
            if (telemetry.has(field)) {
                t.set(field, telemetry.get(field));
            }
        }
    }

    public synchronized boolean online(String deviceId) {
        ObjectNode d = devices.get(deviceId);
        return d != null && d.path("online").asBoolean(false);
    }

    /** Every known device by id. */
    public synchronized ObjectNode snapshot() {
        ObjectNode out = Json.object();
        devices.forEach((id, d) -> out.set(id, d.deepCopy()));
        return out;
    }

    private ObjectNode device(String deviceId) {
        return devices.computeIfAbsent(deviceId, id -> Json.object().put("online", false));
    }
}
