package vn.motcua.common.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.MoquetteBroker;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.StateFaults;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/** The uplink's loops under faults that used to end them while the process stayed up. */
class UplinkFaultsTest {
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/tp-01";
    private final int port = FreePorts.tcp();
    private final MoquetteBroker broker = new MoquetteBroker(port);
    private final Path dir = TestDirs.create("uplink-faults-");
    private StateStore store;
    private EventLog events;
    private PahoUplink uplink;

    @AfterEach
    void tearDown() {
        if (uplink != null) {
            uplink.stop();
        }
        if (store != null) {
            store.close();
        }
        broker.stop();
    }

    private void givenADevice(Supplier<String> telemetry) throws Exception {
        Identity identity = IdentityLoader.load(TestIdentities.write(dir,
                TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + port)));
        store = StateStore.open(dir.resolve("state"));
        events = new EventLog(store, "tp-01", identity.timezone(), Clock.systemUTC());
        uplink = new PahoUplink(identity, store, events, new DeviceInfo("ticket-printer", "1.2.3", () -> 1, telemetry),
                Clock.systemUTC(),
                new HealthModel());
    }

    @Test
    void the_connect_loop_outlives_a_state_disk_that_fails_writes_and_connects_once_it_can_write_again() throws Exception {
        broker.start();
        givenADevice(() -> "{}");
        try (StateFaults fault = StateFaults.writesFail(dir.resolve("state"))) {
            uplink.start();
            // each attempt first stores the next session number, which fails after the store's busy timeout of 5 s:
            // the old loop ended on that failure
            await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
                    .until(() -> !uplink.connected() && uplink.loops().get(0).running());
        }
        await().atMost(Duration.ofSeconds(30)).until(uplink::connected);
        assertThat(uplink.session()).isEqualTo(1);
        assertThat(uplink.loops()).extracting(LoopStatus::loop).containsExactly("mqtt-connect", "outbox-drainer", "mqtt-inbound");
        assertThat(uplink.loops()).noneMatch(LoopStatus::stuck);
    }

    @Test
    void a_failing_telemetry_supplier_does_not_keep_the_outbox_from_draining() throws Exception {
        broker.start();
        givenADevice(() -> {
            throw new IllegalStateException("telemetry broke");
        });
        events.record("device.started", Json.object().put("previousStop", "first-boot"));
        try (MqttRecorder rec = new MqttRecorder(broker.uri(), ROOT + "/#", false)) {
            uplink.start();
            rec.await(m -> m.topic().endsWith("/event/device/started"), 1, Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.ackedSeq() == 1);
            uplink.publishTelemetry();
            events.record("test.later", Json.object());
            rec.await(m -> m.topic().endsWith("/event/test/later"), 1, Duration.ofSeconds(10));
        }
        assertThat(uplink.connected()).isTrue();
        assertThat(uplink.loops()).noneMatch(LoopStatus::stuck);
    }

    @Test
    void reports_no_loops_before_start_and_after_stop() throws Exception {
        givenADevice(() -> "{}");
        assertThat(uplink.loops()).isEmpty();
        uplink.start();
        assertThat(uplink.loops()).hasSize(3).allMatch(LoopStatus::running);
        uplink.stop();
        assertThat(uplink.loops()).isEmpty();
    }
}
