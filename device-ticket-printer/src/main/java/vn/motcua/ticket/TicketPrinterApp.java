package vn.motcua.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;

/** The ticket printer on the common kernel. */
public final class TicketPrinterApp implements DeviceApp {
    @Override
    public String module() {
        return "ticket-printer";
    }

    @Override
    public List<String> migrations() {
        return List.of();
    }

    @Override
    public void start(DeviceContext context) {
        // the kernel alone: identity, state, events, uplink, telemetry
    }

    @Override
    public void stop() {
        // nothing of its own to stop yet
    }

    @Override
    public void contributeTelemetry(ObjectNode telemetry) {
        // no ticket counters yet
    }

    @Override
    public List<String> probeHardware(Identity identity) {
        return List.of();
    }
}
