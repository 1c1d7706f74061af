package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.NotifySocket;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.ticket.support.Coap;

/**
 * The ticket printer jar under a stand-in for systemd's notify socket (socat), with {@code WATCHDOG_USEC} of 2 s: it
 * says READY=1 and keeps pinging; a loop hung by the test hook {@code -Dmotcua.test.hang} stops the pings, ends the
 * process with exit 70 and leaves a restart row; three of those start the fourth run in safe mode, kill -9 counts none.
 */
@Tag("slow")
class WatchdogProcessTest {
    private static final Path JAR = Path.of("target", "device-ticket-printer.jar").toAbsolutePath();
    private static final Duration START = Duration.ofSeconds(60);
    private final Path dir = TestDirs.create("watchdog-");
    private final Path state = dir.resolve("state");
    private final int coapPort = FreePorts.udp();
    private final Path identity = identity();

    @Test
    void a_hung_outbox_stops_the_pings_and_ends_the_process_with_70_after_recording_it() throws Exception {
        RealPeers.require("socat", NotifySocket.available());
        try (NotifySocket notify = NotifySocket.bind(dir.resolve("notify"))) {
            DeviceProcess device = start(notify, "-Dmotcua.test.hang=outbox");
            notify.awaitCount("READY=1", 1, START);
            notify.awaitCount("WATCHDOG=1", 3, Duration.ofSeconds(30));
            // the drainer's deadline is its quiet limit, 2 minutes (it sleeps up to 30 s when idle)
            assertThat(device.awaitExit(240)).isEqualTo(70);
        }
        assertThat(log()).contains("the outbox loop hung", "no more watchdog pings");
        assertThat(restartRows()).containsExactly("outbox hung");
        assertThat(Files.readString(state.resolve("update/exit-cause"))).isEqualTo("hung outbox");
    }

    @Test
    void three_hung_input_runs_start_the_fourth_in_safe_mode_and_kill_9_counts_none() throws Exception {
        RealPeers.require("socat", NotifySocket.available());
        try (NotifySocket notify = NotifySocket.bind(dir.resolve("notify"))) {
            int ready = 0;
            for (int i = 0; i < 2; i++) {
                DeviceProcess device = start(notify);
                notify.awaitCount("READY=1", ++ready, START);
                device.kill9();
            }
            for (int i = 0; i < 3; i++) {
                DeviceProcess device = start(notify, "-Dmotcua.test.hang=input");
                notify.awaitCount("READY=1", ++ready, START);
                assertThat(device.awaitExit(120)).as("run %d; see %s", i + 1, dir.resolve("device.log")).isEqualTo(70);
            }
            assertThat(restartRows()).containsExactly("input hung", "input hung", "input hung");

            DeviceProcess device = start(notify);
            try (Coap coap = new Coap(coapPort, 1000)) {
                notify.awaitCount("READY=1", ++ready, START);
                assertThat(notify.received()).contains("STATUS=safe mode: input off after 3 restarts");
                JsonNode health = coap.getJson("health");
                assertThat(health.path("status").asText()).isEqualTo("fault");
                assertThat(health.path("components").path("safe-mode:input").asText()).isEqualTo("fault:restarts-3");
                String events = coap.get("events?after=0&limit=500").getResponseText();
                assertThat(events).containsOnlyOnce("device.safe-mode").contains("\"restarts\":3", "\"component\":\"input\"");
                int pings = notify.count("WATCHDOG=1");
                notify.awaitCount("WATCHDOG=1", pings + 2, Duration.ofSeconds(30));
            } finally {
                assertThat(device.terminate()).isZero();
            }
        }
        assertThat(restartRows()).hasSize(3);
    }

    private DeviceProcess start(NotifySocket notify, String... jvmArgs) {
        return DeviceProcess.startJar(JAR, identity, state, dir.resolve("device.log"),
                Map.of("NOTIFY_SOCKET", notify.path().toString(), "WATCHDOG_USEC", "2000000"), jvmArgs);
    }

    private Path identity() {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + FreePorts.tcp());
        ((ObjectNode) id.get("coap")).put("port", coapPort);
        return TestIdentities.write(dir, id);
    }

    private List<String> restartRows() {
        try (StateStore store = StateStore.open(state)) {
            return store.read(tx -> tx.query("SELECT component, cause FROM restarts ORDER BY ts",
                    rs -> rs.getString(1) + " " + rs.getString(2)));
        }
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("device.log"));
    }
}
