package vn.motcua.office.panel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.motcua.common.json.Json;
import vn.motcua.office.devices.DeviceSpec;
import vn.motcua.office.devices.OfficeConfigs;
import vn.motcua.office.devices.OfficePlan;
import vn.motcua.office.district.District;

/** The whole picture the browsers render: the office's layout, the devices as polled, and the district's state. */
public final class PanelView {
    private final List<DeviceSpec> devices;
    private final List<String> running;
    private final int counters;
    private final District district;
    private final DevicePoller poller;
    private final BooleanSupplier brokerConnected;

    public PanelView(List<DeviceSpec> devices, List<String> running, int counters, District district,
                     DevicePoller poller, BooleanSupplier brokerConnected) {
        this.devices = List.copyOf(devices);
        this.running = List.copyOf(running);
        this.counters = counters;
        this.district = district;
        this.poller = poller;
        this.brokerConnected = brokerConnected;
    }

    public ObjectNode snapshot() {
        ObjectNode out = Json.object();
        out.put("officeName", OfficeConfigs.OFFICE_NAME);
        out.put("counters", counters);
        out.put("brokerConnected", brokerConnected.getAsBoolean());
        out.set("services", OfficeConfigs.ticketPrinter().path("services"));
        out.set("reasons", OfficeConfigs.ratingPad().path("reasons"));
        ArrayNode plan = out.putArray("plan");
        devices.forEach(d -> plan.add(d.deviceId()));
        ObjectNode coap = out.putObject("coap");
        devices.forEach(d -> coap.put(d.deviceId(), "coap://127.0.0.1:" + d.coapPort()));
        ArrayNode started = out.putArray("started");
        running.forEach(started::add);
        devices.stream().filter(d -> d.deviceId().equals(OfficePlan.LOOKUP_KIOSK)).findFirst()
                .ifPresent(d -> out.put("lookupUrl", "http://127.0.0.1:" + d.screenPort() + "/"));
        ArrayNode samples = out.putArray("sampleCodes");
        district.dossiers().samples().forEach(samples::add);
        samples.add("KHONG-CO-123");
        samples.add("mã sai!");
        out.set("devices", poller.snapshot());
        out.set("district", district.snapshot());
        return out;
    }
}
