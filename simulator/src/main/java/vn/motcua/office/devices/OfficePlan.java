package vn.motcua.office.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.json.Json;
import vn.motcua.office.OfficeSettings;

/** The devices of the simulated office: a ticket printer, a kiosk in each mode and a rating pad per counter. */
public final class OfficePlan {
    public static final String PRINTER = "printer-1";
    public static final String LOOKUP_KIOSK = "kiosk-lookup";
    public static final String HALL_KIOSK = "kiosk-hall";

    private OfficePlan() {
    }

    public static String pad(int counter) {
        return "pad-" + counter;
    }

    public static List<DeviceSpec> devices(OfficeSettings s) {
        List<DeviceSpec> out = new ArrayList<>();
        int port = s.coapBasePort();
        out.add(spec(s, PRINTER, DeviceKind.TICKET_PRINTER, port++, 0, 0, OfficeConfigs.ticketPrinter()));
        out.add(spec(s, LOOKUP_KIOSK, DeviceKind.KIOSK, port++, 0, s.screenBasePort(), OfficeConfigs.kiosk("lookup")));
        out.add(spec(s, HALL_KIOSK, DeviceKind.KIOSK, port++, 0, s.screenBasePort() + 1, OfficeConfigs.kiosk("hall-display")));
        for (int n = 1; n <= s.counters(); n++) {
            out.add(spec(s, pad(n), DeviceKind.RATING_PAD, port++, n, 0, OfficeConfigs.ratingPad()));
        }
        return out;
    }

    /** Where a kind's runnable jar is built: {@code device-<kind>/target/device-<kind>.jar} under the project. */
    public static Path jar(Path home, DeviceKind kind) {
        String name = "device-" + kind.wire();
        return home.resolve(name).resolve("target").resolve(name + ".jar");
    }

    private static DeviceSpec spec(OfficeSettings s, String id, DeviceKind kind, int coapPort, int counter,
                                   int screenPort, ObjectNode config) {
        ObjectNode identity = Json.object().put("deviceId", id).put("kind", kind.wire()).put("office", OfficeSettings.OFFICE);
        if (counter > 0) {
            identity.put("counter", counter);
        }
        identity.put("timezone", OfficeSettings.TIMEZONE);
        identity.putObject("mqtt").put("uri", s.broker());
        identity.putObject("coap").put("port", coapPort).put("bind", "127.0.0.1").put("secure", false);
        ObjectNode hardware = identity.putObject("hardware").put("profile", "sim");
        if (kind != DeviceKind.KIOSK) {
            hardware.putObject("lcd").put("bus", 1).put("address", "0x27").put("columns", 20).put("rows", 4);
        }
        if (screenPort > 0) {
            hardware.putObject("screen").put("httpPort", screenPort);
        }
        return new DeviceSpec(id, kind, jar(s.home(), kind), coapPort, counter, screenPort, identity, config);
    }
}
