package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;

/** DTLS keys and Observe over time: the parts of motcua-ctl that wait. */
@Tag("slow")
class SecureDeviceSlowTest {
    private SecureDevice device;

    @BeforeEach
    void givenATicketPrinterWithAPsk() throws Exception {
        device = new SecureDevice("tcp://127.0.0.1:1");
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void the_right_key_is_answered_and_a_wrong_key_is_exit_3() throws Exception {
        Ctl.Result right = Ctl.run(device.args("health", "--timeout", "5"));
        assertThat(right.exit()).as(right.toString()).isZero();

        var wrongKey = device.write("wrong-psk", "not-the-key-not-the-key-not-the-k\n");
        Files.setPosixFilePermissions(wrongKey, PosixFilePermissions.fromString("rw-------"));
        Ctl.Result wrong = Ctl.run("health", "--device", device.uri(), "--psk-identity", SecureDevice.DEVICE_ID,
                "--psk-file", wrongKey.toString(), "--timeout", "3");
        assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(3);
        assertThat(wrong.err()).contains(device.uri() + "/health").contains("PSK");
        assertThat(wrong.out()).isEmpty();
    }

    @Test
    void telemetry_observe_prints_a_line_per_hardware_change() throws Exception {
        var health = device.device.runtime().health();
        health.register("test-lamp", false, ComponentStatus.OK);
        CompletableFuture<Ctl.Result> observed = CompletableFuture.supplyAsync(() ->
                Ctl.run(device.args("telemetry", "--observe", "--count", "3")));
        boolean fault = false;
        for (int i = 0; i < 100 && !observed.isDone(); i++) {
            fault = !fault;
            health.report("test-lamp", fault ? ComponentStatus.fault("unplugged") : ComponentStatus.OK);
            Thread.sleep(200);
        }
        Ctl.Result r = observed.get(10, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{").contains("\"hardware\""));
        assertThat(r.out()).contains("fault:unplugged");
    }
}
