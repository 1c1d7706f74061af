package vn.motcua.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.config.TicketConfigModel;

/** The ticket printer on the common kernel. */
public final class TicketPrinterApp implements DeviceApp<TicketConfig> {
    @Override
    public String module() {
        return "ticket-printer";
    }

    @Override
    public List<String> migrations() {
        return List.of();
    }

    @Override
    public TicketConfigModel configModel() {
        return new TicketConfigModel();
    }

    @Override
    public SimWiring simWiring() {
        return new SimWiring(List.of("A", "B", "C", "D"), List.of("A", "B", "C", "D", "status"));
    }

    @Override
    public void start(DeviceContext context, TicketConfig config) {
        // the kernel alone: identity, state, events, uplink, telemetry
    }

    @Override
    public void applyConfig(TicketConfig config) {
        // ticket logic comes with the ticket printer issue
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
