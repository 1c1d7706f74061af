package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MoquetteBroker;

/** {@code watch} against the embedded broker with a ticket printer online. */
@Tag("slow")
class WatchTest {
    private MoquetteBroker broker;
    private SecureDevice device;

    @BeforeEach
    void givenAnOnlineDevice() throws Exception {
        broker = new MoquetteBroker().start();
        device = new SecureDevice(broker.uri());
        await().atMost(Duration.ofSeconds(20)).until(() -> device.device.runtime().uplink().connected());
    }

    @AfterEach
    void stop() {
        device.close();
        broker.close();
    }

    @Test
    void watch_shows_the_online_device_and_live_events() throws Exception {
        StringWriter live = new StringWriter();
        CompletableFuture<Ctl.Result> watching = CompletableFuture.supplyAsync(() ->
                Ctl.run(live, "watch", "--broker", broker.uri(), "--office", "hoang-mai/dinh-cong", "--duration", "5"));
        // the table is printed once watch has subscribed and settled; live events are printed from then on
        await().atMost(Duration.ofSeconds(5)).until(() -> live.toString().contains("1 online, 0 offline"));
        Ctl.Result put = Ctl.run(device.args("config", "put",
                device.write("c.json", "{\"version\":1,\"officeName\":\"Định Công\"}").toString()));
        assertThat(put.exit()).as(put.toString()).isZero();
        Ctl.Result r = watching.get(20, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("DEVICE").containsPattern("tp-dinh-cong-01\\s+online\\s+\\d+\\s+ticket-printer")
                .contains("1 online, 0 offline")
                .contains("tp-dinh-cong-01  config.applied #");
    }

    @Test
    void watch_json_prints_one_object_per_message() throws Exception {
        Ctl.Result r = Ctl.run("watch", "--json", "--broker", broker.uri(), "--office", "hoang-mai/dinh-cong", "--duration", "2");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(Json.parse(line));
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("type").asText()).isEqualTo("state");
            assertThat(l.path("deviceId").asText()).isEqualTo(SecureDevice.DEVICE_ID);
            assertThat(l.path("payload").path("status").asText()).isEqualTo("online");
        });
    }

    @Test
    void an_unreachable_broker_is_exit_3() {
        Ctl.Result r = Ctl.run("watch", "--broker", "tcp://127.0.0.1:1", "--office", "hoang-mai/dinh-cong", "--duration", "1");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    }
}
