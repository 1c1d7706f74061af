package vn.motcua.office.panel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.coap.CoapReply;
import vn.motcua.office.devices.DeviceSpec;
import vn.motcua.office.devices.OfficePlan;
import vn.motcua.office.district.District;
import vn.motcua.office.district.Serving;

/** What a person can do in the panel: press the devices' buttons, scan, switch the paper, act as a counter officer. */
public final class PanelActions {
    static final Set<String> PRINTER_STATES = Set.of("ok", "paper-out", "paper-near-end", "cover-open", "offline");

    private final CoapLink coap;
    private final District district;
    private final DevicePoller poller;
    private final Map<String, DeviceSpec> devices;

    public PanelActions(CoapLink coap, District district, DevicePoller poller, List<DeviceSpec> devices) {
        this.coap = coap;
        this.district = district;
        this.poller = poller;
        this.devices = new HashMap<>();
        devices.forEach(d -> this.devices.put(d.deviceId(), d));
    }

    /** Presses a button of a device through its {@code /sim/press}. */
    public ObjectNode press(String deviceId, String button) {
        Logger.info("panel: press {} on {}", button, deviceId);
        if (deviceId.equals(OfficePlan.PRINTER)) {
            poller.printerPressed();
        }
        return device(deviceId, d -> coap.post(d.coapPort(), "sim/press", button));
    }

    public ObjectNode scan(String code) {
        Logger.info("panel: scan \"{}\" at the lookup kiosk", code);
        return device(OfficePlan.LOOKUP_KIOSK, d -> coap.post(d.coapPort(), "sim/scan", code));
    }

    public ObjectNode printerState(String state) {
        if (!PRINTER_STATES.contains(state)) {
            return error("printer state must be one of " + PRINTER_STATES);
        }
        Logger.info("panel: printer state set to {}", state);
        poller.printerPressed();
        ObjectNode result = device(OfficePlan.PRINTER, d -> coap.put(d.coapPort(), "sim/printer-state", state, null));
        if (result.path("ok").asBoolean()) {
            poller.printer().stateSet(state);
        }
        return result;
    }

    public ObjectNode counter(int counter, String action) {
        Optional<Serving> result = switch (action) {
            case "call" -> district.callNext(counter);
            case "recall" -> district.recall(counter);
            case "close" -> Optional.of(district.close(counter));
            default -> null;
        };
        if (result == null) {
            return error("unknown counter action " + action);
        }
        Logger.info("panel: counter {} {} -> {}", counter, action, result.map(Serving::ticket).orElse("(nobody)"));
        return Json.object().put("ok", result.isPresent()).put("ticket", result.map(Serving::ticket).orElse(null));
    }

    private ObjectNode device(String deviceId, Function<DeviceSpec, Optional<CoapReply>> call) {
        DeviceSpec d = devices.get(deviceId);
        if (d == null) {
            return error("no device " + deviceId);
        }
        Optional<CoapReply> reply = call.apply(d);
        if (reply.isEmpty()) {
            return error(deviceId + " does not answer");
        }
        return Json.object().put("ok", reply.get().success()).put("code", reply.get().code()).put("text", reply.get().text());
    }

    private static ObjectNode error(String message) {
        return Json.object().put("ok", false).put("error", message);
    }
}
