package vn.motcua.ticket.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.common.config.ConfigModel;
import vn.motcua.common.json.Json;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.config.TicketConfigModel;

/** Ticket printer configs for tests, built as the district would send them. */
public final class Configs {
    public static final String HEADER = "Ủy ban nhân dân phường Định Công";

    private Configs() {
    }

    /** Version 1: A (Hộ tịch, 1..999), B (Đất đai, 1..3), P (priority, on button C); minimum interval as given. */
    public static ObjectNode body(int minIntervalMillis) {
        ObjectNode c = Json.object().put("version", 1).put("officeName", "UBND phường Định Công")
                .put("businessDayStart", "06:00").put("minIntervalMillis", minIntervalMillis);
        ArrayNode services = c.putArray("services");
        services.addObject().put("code", "A").put("name", "Hộ tịch").put("button", "A").put("from", 1).put("to", 999);
        services.addObject().put("code", "B").put("name", "Đất đai").put("button", "B").put("from", 1).put("to", 3);
        services.addObject().put("code", "P").put("name", "Người cao tuổi").put("button", "C").put("priority", true);
        ObjectNode ticket = c.putObject("ticket");
        ticket.putArray("header").add(HEADER).add("Bộ phận một cửa");
        ticket.putArray("footer").add("Xin cảm ơn\u001b@\u001dV quý khách!");
        ticket.put("qrUrl", "https://dinhcong.gov.vn/q/{ticket}");
        return c;
    }

    public static TicketConfig parse(ObjectNode body) {
        ConfigModel.Parsed<TicketConfig> p = new TicketConfigModel().parse(body);
        if (!p.valid()) {
            throw new IllegalArgumentException(p.errors().toString());
        }
        return p.config();
    }
}
