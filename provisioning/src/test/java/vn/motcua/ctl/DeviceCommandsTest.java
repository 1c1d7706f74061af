package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;

/** motcua-ctl against a ticket printer over coaps with its PSK, run through picocli in this JVM; a new device per test. */
class DeviceCommandsTest {
    private static final String GOOD = "{\"version\":%d,\"officeName\":\"Phường Định Công\",\"services\":"
            + "[{\"code\":\"A\",\"name\":\"Hộ tịch\",\"button\":\"A\",\"from\":1,\"to\":999}]}";
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
    void config_get_prints_the_default_config_and_its_etag() {
        Ctl.Result r = Ctl.run(device.args("config", "get"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("config version 0 (ETag 0)").contains("\"version\" : 0");
    }

    @Test
    void config_put_then_get_round_trips_with_vietnamese_text_intact() throws Exception {
        Ctl.Result put = Ctl.run(device.args("config", "put", device.write("v1.json", GOOD.formatted(1)).toString(),
                "--if-match", "0"));
        assertThat(put.exit()).as(put.toString()).isZero();
        assertThat(put.out()).contains("applied: the device runs config version 1");

        Ctl.Result get = Ctl.run(device.args("config", "get", "--json"));
        assertThat(get.exit()).as(get.toString()).isZero();
        JsonNode got = Json.parse(get.out());
        assertThat(got.path("etag").asText()).isEqualTo("1");
        assertThat(got.path("config").path("officeName").asText()).isEqualTo("Phường Định Công");
        assertThat(got.path("config").path("services").get(0).path("name").asText()).isEqualTo("Hộ tịch");
    }

    @Test
    void a_rejected_config_prints_every_error_path_and_exits_1() throws Exception {
        String bad = "{\"version\":5,\"services\":[{\"code\":\"a\",\"name\":\"Hộ tịch\",\"button\":\"A\"},"
                + "{\"code\":\"B\",\"name\":\"Đất đai\",\"button\":\"A\",\"from\":9,\"to\":3}],\"colour\":\"red\"}";
        Ctl.Result r = Ctl.run(device.args("config", "put", device.write("bad.json", bad).toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("device answered 4.00 (bad request)")
                .contains("services[0].code: ")
                .contains("services[1].button: ")
                .contains("services[1].to: ")
                .contains("colour: is not a known field");
        assertThat(device.device.runtime().configs().version()).as("the running config is kept").isZero();
    }

    @Test
    void a_rejected_config_in_json_lists_the_errors() throws Exception {
        Ctl.Result r = Ctl.run(device.args("config", "put", device.write("bad2.json", "{\"version\":7,\"x\":1}").toString(),
                "--json"));
        assertThat(r.exit()).isEqualTo(1);
        JsonNode out = Json.parse(r.out());
        assertThat(out.path("code").asText()).isEqualTo("4.00");
        assertThat(out.path("errors").get(0).path("path").asText()).isEqualTo("x");
    }

    @Test
    void a_stale_if_match_is_refused_with_4_12() throws Exception {
        Ctl.Result first = Ctl.run(device.args("config", "put", device.write("v1.json", GOOD.formatted(1)).toString(),
                "--if-match", "0"));
        assertThat(first.exit()).as(first.toString()).isZero();
        Ctl.Result r = Ctl.run(device.args("config", "put", device.write("v2.json", GOOD.formatted(2)).toString(),
                "--if-match", "0"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("4.12");
        assertThat(device.device.runtime().configs().version()).as("the config of the first put is kept").isEqualTo(1);
    }

    @Test
    void a_big_config_goes_block_wise_and_its_error_comes_back() throws Exception {
        String big = "{\"version\":3,\"padding\":\"" + "x".repeat(60_000) + "\"}";
        Ctl.Result r = Ctl.run(device.args("config", "put", device.write("big.json", big).toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("4.00").contains("padding: is not a known field");
    }

    @Test
    void events_after_0_lists_the_start_of_the_device() {
        Ctl.Result r = Ctl.run(device.args("events", "--after", "0", "--limit", "10"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("1  ").contains("device.started").contains("\"previousStop\":\"first-boot\"");
    }

    @Test
    void events_in_json_are_the_envelopes() throws Exception {
        Ctl.Result r = Ctl.run(device.args("events", "--after", "0", "--json"));
        assertThat(r.exit()).isZero();
        JsonNode first = Json.parse(r.out()).get(0);
        assertThat(first.path("eventId").asText())
                .isEqualTo(SecureDevice.DEVICE_ID + ":" + first.path("data").path("stateId").asText() + ":1");
        assertThat(first.path("data").path("stateId").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void health_prints_the_status_and_components() {
        Ctl.Result r = Ctl.run(device.args("health"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("status: (ok|degraded|fault)");
    }

    @Test
    void telemetry_prints_the_document() throws Exception {
        Ctl.Result r = Ctl.run(device.args("telemetry", "--json"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Json.parse(r.out()).has("uptimeSeconds")).isTrue();
    }

    @Test
    void telemetry_observe_prints_notifications_until_the_count() throws Exception {
        Ctl.Result r = Ctl.run(device.args("telemetry", "--observe", "--count", "1"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"uptimeSeconds\""));
    }

    @Test
    void action_identify_runs_on_the_device() {
        Ctl.Result r = Ctl.run(device.args("action", "identify"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("identify: ");
    }

    @Test
    void an_unknown_action_is_a_device_error() {
        Ctl.Result r = Ctl.run(device.args("action", "dance"));
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("no action \"dance\"").contains("4.04");
    }

    @Test
    void the_identity_file_gives_address_and_key() {
        Ctl.Result r = Ctl.run("health", "--identity", device.identityFile().toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("status: ");
    }

    @Test
    void a_psk_file_readable_by_others_is_refused_with_exit_4() throws Exception {
        var loose = device.write("loose-psk", SecureDevice.KEY + "\n");
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        Ctl.Result r = Ctl.run("health", "--device", device.uri(), "--psk-identity", SecureDevice.DEVICE_ID,
                "--psk-file", loose.toString());
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("readable by group or others").contains("chmod 600");
    }
}
