package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.CommonOnlyConfig;
import vn.motcua.common.testing.InProcessDevice;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;

/** The management contract of SPEC section 5, response code by response code, with Californium's client. */
class ManagementCoapTest {
    private final Path dir = TestDirs.create("mgmt-");
    private InProcessDevice<CommonOnlyConfig> device;

    @BeforeEach
    void givenAFreshDevice() throws Exception {
        device = new InProcessDevice<>(dir, TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1"),
                new TickingDevice(0)).start();
    }

    @AfterEach
    void stop() {
        device.close();
    }

    private CoapResponse put(String body, String ifMatch) throws Exception {
        Request req = Request.newPut();
        req.setPayload(body.getBytes(StandardCharsets.UTF_8));
        req.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
        if (ifMatch != null) {
            req.getOptions().addIfMatch(ifMatch.getBytes(StandardCharsets.US_ASCII));
        }
        return device.coap("/config").advanced(req);
    }

    private static JsonNode json(CoapResponse r) throws Exception {
        return Json.parse(r.getResponseText());
    }

    @Test
    void discovery_lists_every_resource() throws Exception {
        String core = device.coap("/.well-known/core").get().getResponseText();
        for (String path : List.of("</config>", "</telemetry>", "</health>", "</events>", "</actions/identify>",
                "</actions/restart>", "</sim/press>", "</sim/display>", "</sim/leds>")) {
            assertThat(core).contains(path);
        }
        assertThat(core).contains("</telemetry>;ct=50;obs");
    }

    @Test
    void a_fresh_device_runs_config_version_0() throws Exception {
        CoapResponse r = device.coap("/config").get();
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getOptions().getETags()).containsExactly("0".getBytes(StandardCharsets.US_ASCII));
        assertThat(json(r).get("version").asLong()).isZero();
    }

    @Test
    void malformed_json_gets_4_00_with_an_error_body() throws Exception {
        CoapResponse r = put("{\"version\": 1,", null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(json(r).get("errors").get(0).get("message").asText()).contains("malformed JSON");
    }

    @Test
    void an_invalid_config_gets_4_00_naming_every_bad_path_and_the_running_config_stays() throws Exception {
        CoapResponse r = put("{\"version\":1,\"locale\":\"fr\",\"telemetryIntervalSeconds\":5,\"businessDayStart\":\"25:00\",\"typo\":1}", null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        List<String> paths = new ArrayList<>();
        json(r).get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("locale", "telemetryIntervalSeconds", "businessDayStart", "typo");
        assertThat(json(device.coap("/config").get()).get("version").asLong()).isZero();
        assertThat(device.coap("/events?after=0").get().getResponseText()).contains("config.rejected");
    }

    @Test
    void a_valid_config_is_applied_with_its_etag_and_recorded() throws Exception {
        CoapResponse r = put("{\"version\":1,\"officeName\":\"Phường Định Công\",\"telemetryIntervalSeconds\":30}", null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(r.getOptions().getETags()).containsExactly("1".getBytes(StandardCharsets.US_ASCII));
        CoapResponse got = device.coap("/config").get();
        assertThat(json(got).get("officeName").asText()).isEqualTo("Phường Định Công");
        assertThat(device.runtime().configs().current().common().telemetryIntervalSeconds()).isEqualTo(30);
        JsonNode events = json(device.coap("/events?after=0").get());
        assertThat(events).extracting(e -> e.get("type").asText()).contains("device.started", "config.applied");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asLong()).isEqualTo(i + 1);
        }
    }

    @Test
    void a_version_not_greater_than_the_current_gets_4_09() throws Exception {
        assertThat(put("{\"version\":2}", null).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(put("{\"version\":2}", null).getCode()).isEqualTo(ResponseCode.CONFLICT);
        assertThat(put("{\"version\":1}", null).getCode()).isEqualTo(ResponseCode.CONFLICT);
    }

    @Test
    void a_stale_if_match_gets_4_12_and_a_current_one_is_accepted() throws Exception {
        assertThat(put("{\"version\":1}", "0").getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(put("{\"version\":2}", "0").getCode()).isEqualTo(ResponseCode.PRECONDITION_FAILED);
        assertThat(put("{\"version\":2}", "1").getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void a_body_over_1_mib_gets_4_13() throws Exception {
        String big = bodyOfSize(2, 1_200_000);
        CoapResponse r = put(big, null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(json(device.coap("/config").get()).get("version").asLong()).isZero();
    }

    @Test
    void a_body_near_1_mib_arrives_block_wise() throws Exception {
        String big = bodyOfSize(3, 1_000_000);
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isBetween(990_000, 1_048_576);
        assertThat(put(big, null).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.coap("/config").get().getPayloadSize()).isEqualTo(big.length());
    }

    @Test
    void a_config_that_fails_to_apply_rolls_back() throws Exception {
        assertThat(put("{\"version\":1}", null).getCode()).isEqualTo(ResponseCode.CHANGED);
        CoapResponse r = put("{\"version\":2,\"failApply\":true}", null);
        assertThat(r.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(json(device.coap("/config").get()).get("version").asLong()).isEqualTo(1);
        assertThat(device.coap("/events?after=0").get().getResponseText()).contains("config.rejected");
    }

    @Test
    void the_config_survives_a_restart() throws Exception {
        assertThat(put("{\"version\":4,\"officeName\":\"Định Công\"}", null).getCode()).isEqualTo(ResponseCode.CHANGED);
        device.stop();
        device.start();
        JsonNode config = json(device.coap("/config").get());
        assertThat(config.get("version").asLong()).isEqualTo(4);
        assertThat(config.get("officeName").asText()).isEqualTo("Định Công");
    }

    @Test
    void events_are_pulled_after_a_seq_within_a_limit() throws Exception {
        for (int v = 1; v <= 5; v++) {
            put("{\"version\":" + v + "}", null);
        }
        JsonNode page = json(device.coap("/events?after=2&limit=2").get());
        assertThat(page).extracting(e -> e.get("seq").asLong()).containsExactly(3L, 4L);
        assertThat(device.coap("/events?after=0&limit=501").get().getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.coap("/events?after=x").get().getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
    }

    @Test
    void an_after_or_limit_outside_its_range_is_4_00_and_never_wraps() throws Exception {
        for (String query : List.of("limit=4294967297", "limit=4294967296", "limit=2147483648", "limit=-1", "limit=0",
                "limit=9223372036854775808", "limit=+5", "limit=%205", "limit=1e2", "limit=", "after=-1",
                "after=-9223372036854775808", "after=9223372036854775808", "after=99999999999999999999", "after=abc",
                "after=0x10", "after=1.5", "after=")) {
            CoapResponse r = device.coap("/events?" + query).get();
            assertThat(r.getCode()).as(query).isEqualTo(ResponseCode.BAD_REQUEST);
            assertThat(json(r).get("errors").get(0).get("message").asText()).as(query).contains("after");
        }
        assertThat(json(device.coap("/events?after=0&limit=500").get()).isArray()).isTrue();
        assertThat(json(device.coap("/events?after=9223372036854775807&limit=1").get())).isEmpty();
    }

    @Test
    void health_reports_each_component_and_the_overall_status() throws Exception {
        JsonNode health = json(device.coap("/health").get());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("components").get("buttons").asText()).isEqualTo("ok");
        device.runtime().health().report("leds", ComponentStatus.fault("gpio-open-failed"));
        health = json(device.coap("/health").get());
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("components").get("leds").asText()).isEqualTo("fault:gpio-open-failed");
    }

    @Test
    void observe_on_telemetry_notifies_on_a_hardware_change() throws Exception {
        List<String> notes = new CopyOnWriteArrayList<>();
        // observeAndWait returns once the registration is answered (retransmitted as a CON if need be)
        CoapObserveRelation relation = device.coap("/telemetry").observeAndWait(new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                notes.add(response.getResponseText());
            }

            @Override
            public void onError() {
            }
        });
        assertThat(relation.isCanceled()).as("observe registration answered").isFalse();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> notes.size() >= 1);
        device.runtime().health().report("leds", ComponentStatus.fault("gpio-open-failed"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> notes.size() >= 2);
        assertThat(notes.get(notes.size() - 1)).contains("fault:gpio-open-failed");
        relation.proactiveCancel();
    }

    @Test
    void identify_blinks_the_leds() throws Exception {
        CoapResponse r = device.coap("/actions/identify").post("", MediaTypeRegistry.TEXT_PLAIN);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(json(device.coap("/sim/leds").get()).get("A").asText()).isEqualTo("blink");
        assertThat(device.coap("/actions/unknown").post("", MediaTypeRegistry.TEXT_PLAIN).getCode())
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    private static String bodyOfSize(long version, int bytes) {
        StringBuilder b = new StringBuilder("{\"version\":" + version + ",\"padding\":[");
        String chunk = "x".repeat(9000);
        while (b.length() + chunk.length() + 10 < bytes) {
            b.append('"').append(chunk).append("\",");
        }
        b.append('"').append("y".repeat(Math.max(1, bytes - b.length() - 4))).append("\"]}");
        return b.toString();
    }
}
