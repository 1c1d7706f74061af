package vn.motcua.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.devices.ChildDevice;
import vn.motcua.office.devices.OfficePlan;

@Tag("slow")
class OfficeBrokerTest {
    private static final String STATES = "motcua/v1/hoang-mai/dinh-cong/+/state";

    @Test
    void devices_come_online_on_an_external_broker_get_their_config_survive_its_restart_and_a_stop_leaves_no_process() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        RealPeers.require("the ticket printer jar (mvn package)", OfficeHarness.built(DeviceKind.TICKET_PRINTER));
        try (MosquittoProcess broker = new MosquittoProcess().start();
             MqttRecorder states = new MqttRecorder(broker.uri(), STATES, false)) {
            OfficeHarness office = OfficeHarness.start(broker.uri(), 3);
            List<ChildDevice> running = office.office.fleet().running();
            List<Long> pids = running.stream().map(ChildDevice::pid).toList();
            if (OfficeHarness.built(DeviceKind.RATING_PAD)) {
                assertThat(running).hasSizeGreaterThanOrEqualTo(3);
            }
            try {
                List<String> expected = running.stream().map(c -> c.spec().deviceId()).toList();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                // a device publishes its online state at connect and again after each new config: wait for every id
                while (!ids(states.matching(m -> m.json().path("status").asText().equals("online"))).containsAll(expected)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(ids(states.matching(m -> m.json().path("status").asText().equals("online"))))
                        .containsAll(expected);
                office.awaitConfigured();

                // the broker restarts under the office: a ticket taken right after it is still queued by the district
                broker.stop();
                broker.start();
                ChildDevice printer = running.stream().filter(c -> c.spec().deviceId().equals(OfficePlan.PRINTER))
                        .findFirst().orElseThrow();
                CoapLink coap = new CoapLink();
                coap.start();
                try {
                    assertThat(coap.post(printer.spec().coapPort(), "sim/press", "A")).isPresent();
                } finally {
                    coap.stop();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> office.office.district().snapshot()
                        .path("waiting").path("A").size() == 1);
            } finally {
                long started = System.nanoTime();
                office.close();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            }
            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("device process %d still alive", pid).isFalse());
            assertThat(ProcessHandle.current().children().filter(OfficeBrokerTest::deviceProcess).toList())
                    .as("device processes after stop").isEmpty();
            List<MqttRecorder.Message> shutdown = states.await(
                    m -> m.json().path("reason").asText().equals("shutdown"), running.size(), Duration.ofSeconds(10));
            assertThat(ids(shutdown)).containsAll(running.stream().map(c -> c.spec().deviceId()).toList());
        }
    }

    private static boolean deviceProcess(ProcessHandle p) {
        return p.isAlive() && p.info().arguments().map(a -> List.of(a).contains("--identity")).orElse(false);
    }

    private static Set<String> ids(List<MqttRecorder.Message> messages) {
        return messages.stream().map(m -> m.topic().split("/")[4]).collect(Collectors.toSet());
    }
}
