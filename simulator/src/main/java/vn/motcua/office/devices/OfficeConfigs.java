package vn.motcua.office.devices;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.common.json.Json;

/** The configs the district puts to the office's devices (SPEC section 6), in Vietnamese as a ward office has them. */
public final class OfficeConfigs {
    /** The version of these configs; a device already at this version or newer is left alone. */
    public static final long VERSION = 1;
    public static final String OFFICE_NAME = "Bộ phận Một cửa phường Định Công";

    private OfficeConfigs() {
    }

    public static ObjectNode ticketPrinter() {
        ObjectNode c = common();
        ArrayNode services = c.putArray("services");
        service(services, "A", "Hộ tịch");
        service(services, "B", "Chứng thực");
        service(services, "C", "Đất đai – Xây dựng");
        service(services, "D", "Kinh doanh – Hộ kinh doanh");
        ObjectNode ticket = c.putObject("ticket");
        ticket.putArray("header").add("Ủy ban nhân dân phường Định Công").add("Bộ phận Một cửa");
        ticket.putArray("footer").add("Cảm ơn quý khách đã chờ");
        c.put("minIntervalMillis", 1000);
        return c;
    }

    public static ObjectNode ratingPad() {
        ObjectNode c = common();
        ArrayNode reasons = c.putArray("reasons");
        reason(reasons, "time", "Thời gian chờ lâu", "reason-1");
        reason(reasons, "attitude", "Thái độ chưa tốt", "reason-2");
        reason(reasons, "guidance", "Hướng dẫn chưa rõ", "reason-3");
        reason(reasons, "facilities", "Cơ sở vật chất chưa tốt", "reason-4");
        c.put("reasonTimeoutSeconds", 15);
        c.put("cooldownSeconds", 20);
        return c;
    }

    /** A kiosk in {@code lookup} or {@code hall-display} mode; the lookup kiosk keeps its built-in sample catalog. */
    public static ObjectNode kiosk(String mode) {
        ObjectNode c = common();
        c.put("mode", mode);
        c.put("idleSeconds", 60);
        c.putObject("announce").put("enabled", true).put("template", "Mời số {ticket} đến quầy {counter}");
        return c;
    }

    private static ObjectNode common() {
        return Json.object().put("version", VERSION).put("officeName", OFFICE_NAME).put("locale", "vi")
                .put("telemetryIntervalSeconds", 10);
    }

    private static void service(ArrayNode services, String code, String name) {
        services.addObject().put("code", code).put("name", name).put("button", code)
                .put("from", 1).put("to", 999).put("priority", false);
    }

    private static void reason(ArrayNode reasons, String code, String label, String button) {
        reasons.addObject().put("code", code).put("label", label).put("button", button);
    }
}
