package vn.motcua.office.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.office.district.District;
import vn.motcua.office.district.DossierDesk;

/** The district stand-in's link: after a reconnect it puts its serving state back on a broker that lost it. */
class DistrictLinkTest {
    private static final String SERVING = "motcua/v1/hoang-mai/dinh-cong/serving/";

    @Test
    void republishes_the_serving_state_on_a_broker_that_came_back_without_it() throws Exception {
        RealPeers.require("mosquitto (./motcua test installs it as root)", MosquittoProcess.available());
        AtomicReference<DistrictLink> link = new AtomicReference<>();
        District district = new District("hoang-mai/dinh-cong", ZoneId.of("Asia/Ho_Chi_Minh"), Clock.systemUTC(),
                (topic, payload, retained) -> link.get().publish(topic, payload, retained), new DossierDesk(List.of()));
        try (MosquittoProcess first = new MosquittoProcess().start()) {
            link.set(new DistrictLink(first.uri(), district.topics().all(), district::handle,
                    () -> district.openCounters(2), district::republishServing));
            link.get().start();
            try (MqttRecorder before = new MqttRecorder(first.uri(), SERVING + "2", false)) {
                before.await(m -> m.json().path("ticket").isNull(), 1, Duration.ofSeconds(20));
            }
            // another node of a cluster, or the same broker without its retained store: nothing is retained there
            first.stop();
            try (MosquittoProcess second = new MosquittoProcess(first.port()).start()) {
                await().atMost(Duration.ofSeconds(30)).until(link.get()::connected);
                try (MqttRecorder after = new MqttRecorder(second.uri(), SERVING + "+", false)) {
                    assertThat(after.await(MqttRecorder.Message::retained, 2, Duration.ofSeconds(20)))
                            .extracting(MqttRecorder.Message::topic)
                            .containsExactlyInAnyOrder(SERVING + "1", SERVING + "2");
                }
            }
        } finally {
            if (link.get() != null) {
                link.get().stop();
            }
        }
    }
}
