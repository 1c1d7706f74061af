package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.ConfigService;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.rating.config.RatingConfig;
import vn.motcua.rating.support.PadFixture;
import vn.motcua.rating.support.SimPadClient;

/** A rating pad in process with simulated hardware, against a real Mosquitto and pressed over CoAP. */
@Tag("slow")
class RatingPadBrokerTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final Path dir = TestDirs.create("rating-pad-");
    private MosquittoProcess broker;
    private MqttRecorder district;
    private DeviceRuntime<RatingConfig> pad;
    private SimPadClient sim;

    @BeforeEach
    void givenAPadAtCounter5() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        broker = new MosquittoProcess().start();
        district = new MqttRecorder(broker.uri(), PadFixture.OFFICE_TOPIC + "/#", true);
        DeviceIdentity<RatingPadHardware> device = IdentityLoader.load(PadFixture.identity(dir, broker.uri(), 0),
                DeviceKind.RATING_PAD, RatingPadHardware.MODEL);
        pad = new DeviceRuntime<>(device, dir.resolve("state"), new RatingPadApp(), Clock.system(device.identity().timezone()));
        pad.start();
        var put = pad.configs().put("{\"version\":1,\"reasonTimeoutSeconds\":3,\"cooldownSeconds\":3}", null);
        assertThat(put.outcome()).isEqualTo(ConfigService.Outcome.APPLIED);
        sim = new SimPadClient(pad.coapPort());
    }

    @AfterEach
    void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
        if (pad != null) {
            pad.stop();
        }
        if (district != null) {
            district.close();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void rates_each_served_ticket_once_with_its_reason_or_none_after_the_timeout() throws Exception {
        PadFixture.serve(district, "A012");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).startsWith("Quầy 5", "Đang phục vụ: A012"));
        assertThat(sim.leds().get("satisfied").asText()).isEqualTo("on");

        for (int i = 0; i < 5; i++) {
            sim.press("satisfied");
        }
        await().atMost(WAIT).until(() -> sim.telemetry().get("ignoredPresses").asLong() == 4);
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 1);
        assertThat(PadFixture.ratings(district).get(0).toString())
                .isEqualTo("{\"counter\":5,\"ticket\":\"A012\",\"level\":\"satisfied\",\"reason\":null}");
        assertThat(sim.leds().get("satisfied").asText()).as("A012 is rated").isEqualTo("off");

        PadFixture.serve(district, "A013");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A013"));
        sim.press("unsatisfied");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).contains("2 Thái độ phục vụ"));
        assertThat(sim.leds().get("unsatisfied").asText()).isEqualTo("blink");
        sim.press("reason-2");
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 2);
        assertThat(PadFixture.ratings(district).get(1).get("reason").asText()).isEqualTo("attitude");
        assertThat(sim.display()).contains("Cảm ơn quý khách!").noneMatch(l -> l.contains("hài lòng"));

        PadFixture.serve(district, "A014");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A014"));
        sim.press("unsatisfied");
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 3);
        JsonNode timedOut = PadFixture.ratings(district).get(2);
        assertThat(timedOut.get("ticket").asText()).isEqualTo("A014");
        assertThat(timedOut.get("reason").isNull()).isTrue();

        JsonNode t = sim.telemetry();
        assertThat(t.get("counter").asInt()).isEqualTo(5);
        assertThat(t.get("serving").asText()).isEqualTo("A014");
        assertThat(t.get("ratingsToday").toString())
                .isEqualTo("{\"very-satisfied\":0,\"satisfied\":1,\"unsatisfied\":2}");
        assertThat(t.get("ratingSharesToday").get("unsatisfied").asDouble()).isEqualTo(0.667);
        assertThat(t.get("reasonsToday").get("attitude").asLong()).isEqualTo(1);
    }

    @Test
    void a_closed_counter_takes_one_rating_without_a_ticket_per_cooldown() throws Exception {
        PadFixture.serve(district, null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).startsWith("Quầy 5", "Quầy đang đóng"));

        sim.press("very-satisfied");
        sim.press("satisfied");
        await().atMost(WAIT).until(() -> sim.telemetry().get("ignoredPresses").asLong() == 1);
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 1);
        await().atMost(WAIT).until(() -> sim.leds().get("satisfied").asText().equals("on"));
        sim.press("satisfied");
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 2);

        assertThat(PadFixture.ratings(district)).allSatisfy(r -> assertThat(r.get("ticket").isNull()).isTrue());
        assertThat(PadFixture.ratings(district)).extracting(r -> r.get("level").asText())
                .containsExactly("very-satisfied", "satisfied");
    }

    @Test
    void keeps_following_the_serving_state_after_the_broker_restarts() throws Exception {
        PadFixture.serve(district, "A020");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A020"));

        broker.stop();
        broker.start();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> PadFixture.serve(district, "A021"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sim.display()).contains("Đang phục vụ: A021"));
        sim.press("very-satisfied");
        await().atMost(WAIT).until(() -> PadFixture.ratings(district).size() == 1);
        assertThat(PadFixture.ratings(district).get(0).get("ticket").asText()).isEqualTo("A021");
    }
}
