package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.RecordedEvent;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.Version;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.UpdateBundles;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.district.CoapClients;

/** {@code PUT /update} and {@code GET /update} over coaps with the PSK, with Californium's stock block-wise client. */
class UpdateCoapTest {
    private final Path root = TestDirs.create("root-");
    private SecureDevice secure;
    private UpdateBundles bundles;
    private UpdatePaths paths;
    private final CountDownLatch restartRequested = new CountDownLatch(1);

    @BeforeEach
    void givenADeviceWithTheDistrictsUpdateKey() throws Exception {
        bundles = new UpdateBundles(TestDirs.create("bundles-"), root);
        secure = new SecureDevice(root);
        secure.device.runtime().onRestartRequest(restartRequested::countDown);
        paths = secure.device.runtime().updatePaths();
    }

    @AfterEach
    void stop() {
        secure.close();
    }

    /** A client whose block-wise layer sends a whole bundle (the stock transparent Block1 upload). */
    private CoapResponse push(Path bundle) throws Exception {
        Configuration config = CoapSettings.forClient();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 80 * 1024 * 1024);
        return send(config, put(Files.readAllBytes(bundle)));
    }

    private static Request put(byte[] body) {
        Request put = Request.newPut();
        put.setPayload(body);
        return put;
    }

    private CoapResponse send(Configuration config, Request... requests) throws Exception {
        CoapEndpoint endpoint = CoapClients.dtlsEndpoint(config, SecureDevice.ID, SecureDevice.KEY.getBytes(StandardCharsets.UTF_8));
        try {
            CoapClient client = CoapClients.client(secure.uri("/update"), endpoint);
            client.setTimeout(30_000L);
            CoapResponse last = null;
            for (Request r : requests) {
                last = client.advanced(r);
            }
            return last;
        } finally {
            CoapClients.close(endpoint, secure.address());
        }
    }

    /** One Block1 request as a client sends it by hand: 1024-byte block {@code num}. */
    private static Request block(byte[] body, int num, Integer size1) {
        int from = num * 1024;
        int to = Math.min(body.length, from + 1024);
        Request put = put(java.util.Arrays.copyOfRange(body, from, to));
        put.getOptions().setBlock1(6, to < body.length, num);
        if (size1 != null) {
            put.getOptions().setSize1(size1);
        }
        return put;
    }

    private List<String> events(String type) {
        return secure.device.runtime().events().readAfter(0, 500).stream().filter(e -> e.type().equals(type))
                .map(RecordedEvent::envelope).toList();
    }

    private JsonNode getUpdate() throws Exception {
        CoapResponse r = secure.clients().get("/update", 10_000);
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        return Json.parse(r.getResponseText());
    }

    @Test
    void a_good_bundle_is_staged_recorded_and_the_device_restarts() throws Exception {
        Path bundle = bundles.bundle("ticket-printer", "99.0.0", 200_000);
        CoapResponse r = push(bundle);
        assertThat(r.getCode()).as(r.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        assertThat(r.getResponseText()).isEqualTo("staged 99.0.0; the device restarts into it");
        assertThat(paths.incoming()).hasSameBinaryContentAs(bundle);
        assertThat(paths.upload()).doesNotExist();
        assertThat(events("update.staged")).singleElement().asString().contains("\"version\":\"99.0.0\"");
        assertThat(restartRequested.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_bundle_signed_with_another_key_is_4_03_and_nothing_stays() throws Exception {
        CoapResponse r = push(bundles.signedWithAnotherKey("ticket-printer", "99.0.0"));
        assertThat(r.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(r.getResponseText()).contains("manifest.sig");
        assertThat(paths.incoming()).doesNotExist();
        assertThat(paths.upload()).doesNotExist();
        assertThat(events("update.refused")).isEmpty();
        assertThat(restartRequested.getCount()).isEqualTo(1);
    }

    @Test
    void the_running_version_again_is_4_09_and_recorded_as_refused() throws Exception {
        CoapResponse r = push(bundles.bundle("ticket-printer", Version.get(), 0));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONFLICT);
        assertThat(r.getResponseText()).contains("not newer");
        assertThat(events("update.refused")).singleElement().asString().contains("\"reason\":\"not-newer\"");
        assertThat(paths.incoming()).doesNotExist();
    }

    @Test
    void a_version_rolled_back_before_is_4_09() throws Exception {
        UpdateBundles.refuse(root, Version.get(), "99.0.0");
        CoapResponse r = push(bundles.bundle("ticket-printer", "99.0.0", 0));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONFLICT);
        assertThat(events("update.refused")).singleElement().asString().contains("\"reason\":\"rolled-back\"")
                .contains("\"version\":\"99.0.0\"");
    }

    @Test
    void another_kinds_bundle_is_4_00() throws Exception {
        CoapResponse r = push(bundles.bundle("kiosk", "99.0.0", 0));
        assertThat(r.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.getResponseText()).contains("kiosk");
        assertThat(events("update.refused")).singleElement().asString().contains("\"reason\":\"wrong-kind\"");
    }

    @Test
    void a_body_declared_over_64_mib_is_4_13_at_the_first_block() throws Exception {
        byte[] start = new byte[4096];
        CoapResponse r = send(CoapSettings.forBlockSender(), block(start, 0, 64 * 1024 * 1024 + 1));
        assertThat(r.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(r.getOptions().getSize1()).isEqualTo(64 * 1024 * 1024);
        assertThat(paths.upload()).doesNotExist();
    }

    @Test
    void an_upload_abandoned_midway_gives_way_to_the_next_one() throws Exception {
        byte[] bundle = Files.readAllBytes(bundles.bundle("ticket-printer", "99.0.0", 50_000));
        CoapResponse partial = send(CoapSettings.forBlockSender(), block(bundle, 0, bundle.length), block(bundle, 1, null),
                block(bundle, 2, null));
        assertThat(partial.getCode()).isEqualTo(ResponseCode.CONTINUE);
        assertThat(paths.upload()).hasSize(3 * 1024);

        CoapResponse r = push(bundles.bundle("ticket-printer", "99.1.0", 20_000));
        assertThat(r.getCode()).as(r.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        assertThat(events("update.staged")).singleElement().asString().contains("99.1.0");
    }

    @Test
    void a_block_out_of_order_is_4_08() throws Exception {
        byte[] bundle = new byte[5000];
        CoapResponse r = send(CoapSettings.forBlockSender(), block(bundle, 0, bundle.length), block(bundle, 2, null));
        assertThat(r.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_INCOMPLETE);
    }

    @Test
    void a_second_bundle_while_one_is_staged_is_4_09() throws Exception {
        assertThat(push(bundles.bundle("ticket-printer", "99.0.0", 0)).getCode()).isEqualTo(ResponseCode.CHANGED);
        CoapResponse r = push(bundles.bundle("ticket-printer", "99.1.0", 0));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONFLICT);
        assertThat(r.getResponseText()).contains("already staged");
    }

    @Test
    void get_update_without_update_json_names_the_running_version() throws Exception {
        JsonNode u = getUpdate();
        assertThat(u.path("running").asText()).isEqualTo(Version.get());
        assertThat(u.path("trial").asBoolean()).isFalse();
        assertThat(u.path("previous").isNull()).isTrue();
        assertThat(u.path("last").isNull()).isTrue();
    }

    @Test
    void get_update_shows_the_last_result_from_update_json() throws Exception {
        UpdateBundles.refuse(root, Version.get(), "99.0.0");
        JsonNode u = getUpdate();
        assertThat(u.path("last").path("version").asText()).isEqualTo("99.0.0");
        assertThat(u.path("last").path("result").asText()).isEqualTo("rolled-back");
        assertThat(u.path("trial").asBoolean()).isFalse();
    }

    @Test
    void config_bodies_are_still_reassembled_by_the_stack() throws Exception {
        String body = "{\"version\":1,\"padding\":[\"" + "z".repeat(5000) + "\"]}";
        CoapResponse r = send(CoapSettings.forClient(), config(body));
        assertThat(r.getCode()).as(r.getResponseText()).isEqualTo(ResponseCode.CHANGED);
        assertThat(secure.device.runtime().configs().version()).isEqualTo(1);
    }

    private Request config(String json) {
        Request put = put(json.getBytes(StandardCharsets.UTF_8));
        put.setURI(secure.uri("/config"));
        return put;
    }
}
