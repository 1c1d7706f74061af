package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.escpos.PrinterProfiles;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.PrinterLink;
import vn.motcua.ticket.support.PtyPair;

/**
 * A Pi-profile ticket printer jar whose serial printer is not there at start: the device runs and reports the printer
 * as a fault, and when the port appears (a socat pty linked at the configured path) it recovers without a restart.
 */
@Tag("slow")
class PrinterAbsentAtStartTest {
    private static final Path JAR = Path.of("target", "device-ticket-printer.jar").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Path dir = TestDirs.create("printer-absent-");

    @Test
    void an_absent_printer_leaves_the_device_up_in_fault_and_it_recovers_when_the_port_appears() throws Exception {
        int port = FreePorts.udp();
        PtyPair pty = new PtyPair(dir.resolve("ptys"), "printer");
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + FreePorts.tcp());
        ((ObjectNode) id.get("coap")).put("port", port);
        ((ObjectNode) id.get("hardware")).put("profile", "pi").putObject("printer")
                .put("transport", "serial:" + pty.host() + "?baud=115200").put("model", "epson-tm-t82");
        Path log = dir.resolve("device.log");
        DeviceProcess device = DeviceProcess.startJar(JAR, TestIdentities.write(dir, id), dir.resolve("state"), log);
        try (Coap coap = new Coap(port, 1000)) {
            JsonNode faulted = awaitHealth(coap, device, h -> h.path("components").path("printer").asText().startsWith("fault:"));
            assertThat(faulted.path("components").path("printer").asText()).isEqualTo("fault:offline");

            VirtualPrinter printer = new VirtualPrinter(PrinterProfiles.bundled().get("epson-tm-t82"), Clock.systemUTC());
            try (PtyPair plugged = pty.start();
                 PrinterLink link = PrinterLink.start("pty-printer", new FileInputStream(plugged.printer().toFile()),
                         new FileOutputStream(plugged.printer().toFile()), printer)) {
                JsonNode recovered = awaitHealth(coap, device, h -> h.path("components").path("printer").asText().equals("ok"));
                assertThat(recovered.path("components").path("printer").asText()).isEqualTo("ok");
                assertThat(device.alive()).as("recovered without a restart").isTrue();
            }
        } finally {
            device.terminate();
        }
    }

    private JsonNode awaitHealth(Coap coap, DeviceProcess device, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            assertThat(device.alive()).as("the device is still running; see " + dir.resolve("device.log")).isTrue();
            var response = coap.get("health");
            if (response != null && response.isSuccess()) {
                last = Json.parse(response.getResponseText());
                if (wanted.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("health never matched; last: " + last + "; see " + dir.resolve("device.log"));
    }
}
