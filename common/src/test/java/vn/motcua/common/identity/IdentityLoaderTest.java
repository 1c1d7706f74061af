package vn.motcua.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.WiredHardware;

class IdentityLoaderTest {
    private Path dir;
    private ObjectNode id;

    @BeforeEach
    void givenAValidSimIdentity() {
        dir = TestDirs.create("identity-");
        id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
    }

    @Test
    void loads_a_valid_identity_with_defaults() throws Exception {
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
        assertThat(identity.deviceId()).isEqualTo("tp-01");
        assertThat(identity.kind()).isEqualTo(DeviceKind.TICKET_PRINTER);
        assertThat(identity.timezone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(identity.topicRoot()).isEqualTo("motcua/v1/hoang-mai/dinh-cong/tp-01");
        assertThat(identity.counter()).isEmpty();
        assertThat(IdentityLoader.load(identity.file(), DeviceKind.TICKET_PRINTER, WiredHardware.MODEL).hardware().wiring().profile())
                .isEqualTo(HardwareWiring.Profile.SIM);
    }

    @Test
    void names_the_field_of_a_bad_device_id() {
        id.put("deviceId", "Bad_ID");
        assertRejected("deviceId", "must match");
    }

    @Test
    void names_the_field_of_an_unknown_kind() {
        id.put("kind", "toaster");
        assertRejected("kind", "ticket-printer, rating-pad or kiosk");
    }

    @Test
    void rejects_a_bad_office_path() {
        id.put("office", "Hoang Mai//x");
        assertRejected("office", "must match");
    }

    @Test
    void requires_a_counter_for_a_rating_pad_and_refuses_it_elsewhere() {
        id.put("kind", "rating-pad");
        assertRejected("counter", "required for a rating-pad");
        id.put("counter", 0);
        assertRejected("counter", ">= 1");
        id.put("kind", "kiosk");
        id.put("counter", 3);
        assertRejected("counter", "only for a rating-pad");
    }

    @Test
    void rejects_an_unknown_timezone() {
        id.put("timezone", "Asia/Hanoi-City");
        assertRejected("timezone", "IANA");
    }

    @Test
    void rejects_a_broker_uri_that_is_not_tcp_or_ssl() {
        ((ObjectNode) id.get("mqtt")).put("uri", "http://broker:1883");
        assertRejected("mqtt.uri", "tcp://host:port");
    }

    @Test
    void reads_a_list_of_broker_nodes_in_order() throws Exception {
        ObjectNode mqtt = id.putObject("mqtt");
        mqtt.putArray("uris").add("tcp://10.0.0.5:1883").add("tcp://10.0.0.6:1883").add("tcp://10.0.0.7:1883");
        assertThat(IdentityLoader.load(TestIdentities.write(dir, id)).mqtt().uris())
                .containsExactly("tcp://10.0.0.5:1883", "tcp://10.0.0.6:1883", "tcp://10.0.0.7:1883");
    }

    @Test
    void a_single_uri_is_a_list_of_one_node() throws Exception {
        assertThat(IdentityLoader.load(TestIdentities.write(dir, id)).mqtt().uris()).containsExactly("tcp://127.0.0.1:1883");
    }

    @Test
    void names_the_broken_node_of_a_broker_list() {
        ObjectNode mqtt = id.putObject("mqtt");
        mqtt.putArray("uris").add("tcp://10.0.0.5:1883").add("mqtt://10.0.0.6");
        assertRejected("mqtt.uris[1]", "tcp://host:port");
        mqtt.putArray("uris").add("tcp://10.0.0.5:1883").add(1883);
        assertRejected("mqtt.uris[1]", "non-empty string");
        mqtt.putArray("uris").add("tcp://10.0.0.5:1883").add("tcp://10.0.0.5:1883");
        assertRejected("mqtt.uris[1]", "already in the list");
        mqtt.putArray("uris");
        assertRejected("mqtt.uris", "non-empty list");
        mqtt.put("uris", "tcp://10.0.0.5:1883");
        assertRejected("mqtt.uris", "non-empty list");
    }

    @Test
    void takes_either_uri_or_uris_not_both_nor_neither() {
        ObjectNode mqtt = (ObjectNode) id.get("mqtt");
        mqtt.putArray("uris").add("tcp://10.0.0.5:1883");
        assertRejected("mqtt.uris", "not both");
        mqtt.remove("uri");
        mqtt.remove("uris");
        assertRejected("mqtt.uri", "is required");
    }

    @Test
    void a_ca_file_needs_every_node_on_ssl() {
        ObjectNode mqtt = id.putObject("mqtt");
        mqtt.putArray("uris").add("ssl://10.0.0.5:8883").add("tcp://10.0.0.6:1883");
        mqtt.put("caFile", "ca.pem");
        assertRejected("mqtt.caFile", "ssl://");
    }

    @Test
    void refuses_insecure_coap_off_loopback() {
        ((ObjectNode) id.get("coap")).put("bind", "0.0.0.0");
        assertRejected("coap.secure", "loopback");
    }

    @Test
    void reads_the_psk_as_the_bytes_of_its_text() throws Exception {
        Path psk = dir.resolve("psk");
        Files.writeString(psk, "abcdefghijklmnopqrstuvwxyz012345\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        ((ObjectNode) id.get("coap")).put("bind", "0.0.0.0").put("secure", true).put("pskFile", "psk");
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
        assertThat(new String(identity.coap().psk())).isEqualTo("abcdefghijklmnopqrstuvwxyz012345");
        assertThat(identity.coap().pskIdentity()).isEqualTo("tp-01");
    }

    @Test
    void refuses_a_secret_file_readable_by_others() throws Exception {
        Path psk = dir.resolve("psk");
        Files.writeString(psk, "abcdefghijklmnopqrstuvwxyz012345");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-r--r--"));
        ((ObjectNode) id.get("coap")).put("secure", true).put("pskFile", psk.toString());
        assertRejected("coap.pskFile", "readable by group or others");
    }

    @Test
    void under_a_staging_root_the_absolute_paths_of_the_identity_are_read_under_it() throws Exception {
        Path root = TestDirs.create("root-");
        Path psk = root.resolve("etc/motcua/psk");
        Files.createDirectories(psk.getParent());
        Files.writeString(psk, "0123456789abcdef0123456789abcdef\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        ((ObjectNode) id.get("coap")).put("secure", true).put("pskIdentity", "tp-01").put("pskFile", "/etc/motcua/psk");
        Path file = TestIdentities.write(root.resolve("etc/motcua"), id);

        DeviceIdentity<?> device = IdentityLoader.load(file, root, DeviceKind.TICKET_PRINTER, WiredHardware.MODEL);

        assertThat(new String(device.identity().coap().psk())).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> IdentityLoader.load(file, DeviceKind.TICKET_PRINTER, WiredHardware.MODEL))
                .isInstanceOf(IdentityException.class).hasMessageContaining("coap.pskFile");
    }

    @Test
    void refuses_a_secure_config_without_a_psk_file() {
        ((ObjectNode) id.get("coap")).put("secure", true);
        assertRejected("coap.pskFile", "required");
    }

    @Test
    void refuses_unknown_fields_to_catch_typos() {
        id.put("ofice", "x");
        assertRejected("ofice", "not a known field");
    }

    @Test
    void requires_a_hardware_profile() {
        ((ObjectNode) id.get("hardware")).put("profile", "arduino");
        assertRejected("hardware.profile", "\"pi\" or \"sim\"");
    }

    @Test
    void says_where_json_is_broken() throws Exception {
        Path file = dir.resolve("device.json");
        Files.writeString(file, "{\"deviceId\": \"tp-01\",\n  \"kind\": }");
        assertThatThrownBy(() -> IdentityLoader.load(file))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }

    private void assertRejected(String field, String rule) {
        Path file = TestIdentities.write(dir, id);
        assertThatThrownBy(() -> IdentityLoader.load(file))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'" + field + "'")
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
