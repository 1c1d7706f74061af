package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

class PrinterProbeTest {
    private final Path dir = TestDirs.create("probe-");

    @Test
    void check_names_a_missing_printer_device_path() throws Exception {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ObjectNode hw = ((ObjectNode) id.get("hardware")).put("profile", "pi");
        hw.putObject("printer").put("transport", "serial:/dev/ttyNOPE0?baud=115200").put("model", "xprinter-80");
        assertThat(new TicketPrinterApp(load(id)).probeHardware()).singleElement().asString()
                .contains("/dev/ttyNOPE0 does not exist", "hardware.printer.transport");
    }

    @Test
    void an_unknown_printer_model_is_refused_with_the_identity_naming_the_field() {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ((ObjectNode) id.get("hardware")).putObject("printer").put("model", "no-such-printer");
        assertThat(catchThrowable(() -> load(id))).hasMessageContaining(
                "field 'hardware.printer.model': unknown printer model 'no-such-printer', known: xprinter-58, xprinter-80");
    }

    @Test
    void check_finds_the_virtual_printer_in_the_sim_profile() throws Exception {
        TicketPrinterHardware hardware = load(TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883"));
        assertThat(new TicketPrinterApp(hardware).probeHardware()).isEmpty();
    }

    private TicketPrinterHardware load(ObjectNode id) throws Exception {
        return IdentityLoader.load(TestIdentities.write(dir, id), DeviceKind.TICKET_PRINTER, TicketPrinterHardware.MODEL)
                .hardware();
    }
}
