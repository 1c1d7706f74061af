package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.SmallDisk;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.support.Coap;
import vn.motcua.ticket.support.Configs;

/** The whole ticket printer in process with its state directory on a small real disk that fills up or fails. */
@Tag("slow")
class TicketPrinterStorageTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private final Path dir = TestDirs.create("ticket-storage-");
    private final List<DeviceRuntime<TicketConfig>> started = new ArrayList<>();
    private SmallDisk disk;
    private Coap coap;

    @AfterEach
    void stop() {
        try {
            if (coap != null) {
                coap.close();
            }
            started.forEach(DeviceRuntime::stop);
        } finally {
            if (disk != null) {
                disk.close();
            }
        }
    }

    @Test
    void a_full_state_disk_refuses_presses_with_a_reason_and_the_device_recovers_by_itself_when_space_returns() throws Exception {
        disk = SmallDisk.tmpfs("ticket-full-", 8);
        start();
        assertThat(coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        coap.post("sim/press", "A");
        awaitDocuments(1);
        disk.fill();

        coap.post("sim/press", "A");

        awaitDisplay(line -> line.equals("Không cấp được số"));
        assertThat(awaitHealth("fault:storage-full").get("status").asText()).isEqualTo("fault");
        JsonNode telemetry = coap.getJson("telemetry");
        assertThat(telemetry.get("hardware").get("storage").asText()).isEqualTo("fault:storage-full");
        assertThat(telemetry.get("refusedNotRecorded")).hasToString("{\"storage-full\":1}");
        assertThat(documents()).hasSize(1);
        var put = coap.put("config", Json.write(Configs.body(0).put("version", 2)), MediaTypeRegistry.APPLICATION_JSON);
        assertThat(put.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(put.getResponseText()).contains("storage-full");
        assertThat(coap.getJson("config").get("version").asLong()).isEqualTo(1);

        disk.free();

        awaitHealth("ok");
        coap.post("sim/press", "A");
        assertThat(awaitDocuments(2).get(1)).contains("A002");
        assertThat(types()).containsExactly("device.started", "config.applied", "ticket.issued", "ticket.issued");
    }

    @Test
    void a_device_started_on_a_full_disk_runs_reports_it_and_records_its_start_first_once_space_returns() throws Exception {
        disk = SmallDisk.tmpfs("ticket-start-full-", 8);
        start();
        coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
        coap.post("sim/press", "A");
        awaitDocuments(1);
        coap.close();
        started.remove(0).stop();
        disk.fill();

        start();

        assertThat(awaitHealth("fault:storage-full").get("status").asText()).isEqualTo("fault");
        assertThat(coap.getJson("config").get("version").asLong()).isEqualTo(1);
        coap.post("sim/press", "A");
        awaitDisplay(line -> line.equals("Không cấp được số"));
        disk.free();
        awaitHealth("ok");
        coap.post("sim/press", "A");
        assertThat(awaitDocuments(1).get(0)).contains("A002");
        List<JsonNode> events = events();
        assertThat(types()).containsExactly("device.started", "config.applied", "ticket.issued", "device.started",
                "ticket.issued");
        assertThat(events.get(3).get("data").get("previousStop").asText()).isEqualTo("clean");
    }

    @Test
    void a_state_disk_the_kernel_turns_read_only_refuses_presses_as_storage_read_only() throws Exception {
        disk = SmallDisk.ext4("ticket-ro-", 16);
        start();
        coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
        coap.post("sim/press", "A");
        awaitDocuments(1);

        disk.failReadOnly();
        coap.post("sim/press", "A");

        awaitDisplay(line -> line.equals("Không cấp được số"));
        assertThat(awaitHealth("fault:storage-read-only").get("status").asText()).isEqualTo("fault");
        assertThat(coap.getJson("telemetry").get("refusedNotRecorded")).hasToString("{\"storage-read-only\":1}");
        assertThat(documents()).hasSize(1);
    }

    @Test
    void a_device_started_on_a_state_disk_mounted_read_only_runs_and_reports_it() throws Exception {
        disk = SmallDisk.tmpfs("ticket-start-ro-", 8);
        start();
        coap.put("config", Json.write(Configs.body(0)), MediaTypeRegistry.APPLICATION_JSON);
        coap.close();
        started.remove(0).stop();
        disk.remount(true);

        start();

        assertThat(awaitHealth("fault:storage-read-only").get("status").asText()).isEqualTo("fault");
        coap.post("sim/press", "A");
        awaitDisplay(line -> line.equals("Không cấp được số"));
        assertThat(coap.getJson("config").get("version").asLong()).isEqualTo(1);
        coap.close();
        coap = null;
        started.remove(0).stop();
        disk.remount(false);
    }

    private void start() throws Exception {
        String broker = "tcp://127.0.0.1:" + FreePorts.tcp();
        DeviceIdentity<TicketPrinterHardware> device = IdentityLoader.load(TestIdentities.write(dir,
                TestIdentities.sim("tp-01", "ticket-printer", broker)), DeviceKind.TICKET_PRINTER, TicketPrinterHardware.MODEL);
        DeviceRuntime<TicketConfig> runtime = new DeviceRuntime<>(device, disk.dir().resolve("state"),
                new TicketPrinterApp(device.hardware()), Clock.system(device.identity().timezone()));
        started.add(runtime);
        runtime.start();
        coap = new Coap(runtime.coapPort());
    }

    private JsonNode awaitHealth(String storage) throws Exception {
        return await(() -> coap.getJson("health"), h -> h.get("components").path("storage").asText().equals(storage),
                "storage " + storage);
    }

    private void awaitDisplay(Predicate<String> firstLine) throws Exception {
        await(() -> coap.getJson("sim/display").get("lines").get(0).asText(), firstLine, "display");
    }

    private List<String> awaitDocuments(int count) throws Exception {
        await(() -> coap.getJson("sim/printer"), p -> p.get("documents").size() >= count, count + " documents");
        return documents();
    }

    private List<String> documents() throws Exception {
        return coap.getJson("sim/printer").get("documents").findValuesAsText("text");
    }

    private List<JsonNode> events() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        coap.getJson("events?after=0&limit=500").forEach(events::add);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asLong()).as("seq gapless from 1").isEqualTo(i + 1);
        }
        return events;
    }

    private List<String> types() throws Exception {
        return events().stream().map(e -> e.get("type").asText()).toList();
    }

    private static <T> T await(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = probe.call();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; last seen " + last);
            }
            Thread.sleep(50);
            last = probe.call();
        }
        return last;
    }
}
