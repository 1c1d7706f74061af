package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/** How {@code --device}, the PSK options and {@code --identity} become an address and a key. */
class DeviceTargetTest {
    private final Path dir = TestDirs.create("target-");

    private Path key(String name, String perms) throws Exception {
        Path file = Files.writeString(dir.resolve(name), SecureDevice.KEY + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    private Path identity(String bind, int port) throws Exception {
        ObjectNode id = TestIdentities.sim("tp-dinh-cong-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ((ObjectNode) id.get("coap")).put("port", port).put("bind", bind).put("secure", true)
                .put("pskIdentity", "tp-dinh-cong-01").put("pskFile", key("psk", "rw-------").toString());
        return TestIdentities.write(dir, id);
    }

    @Test
    void default_ports_are_5684_for_coaps_and_5683_for_coap() throws Exception {
        assertThat(DeviceTarget.resolve("coaps://192.0.2.7", "tp-01", key("k", "rw-------"), null).base())
                .isEqualTo("coaps://192.0.2.7:5684");
        assertThat(DeviceTarget.resolve("coap://127.0.0.1", null, null, null).base()).isEqualTo("coap://127.0.0.1:5683");
        assertThat(DeviceTarget.resolve("coap://[::1]:7000", null, null, null).base()).isEqualTo("coap://[::1]:7000");
    }

    @Test
    void the_key_is_the_bytes_of_the_file_text() throws Exception {
        DeviceTarget t = DeviceTarget.resolve("coaps://192.0.2.7:6000", "tp-01", key("k", "rw-------"), null);
        assertThat(t.pskIdentity()).isEqualTo("tp-01");
        assertThat(new String(t.psk(), StandardCharsets.UTF_8)).isEqualTo(SecureDevice.KEY);
    }

    @Test
    void an_identity_bound_to_every_address_is_reached_on_loopback_with_its_key() throws Exception {
        DeviceTarget t = DeviceTarget.resolve(null, null, null, identity("0.0.0.0", 5999));
        assertThat(t.base()).isEqualTo("coaps://127.0.0.1:5999");
        assertThat(t.pskIdentity()).isEqualTo("tp-dinh-cong-01");
        assertThat(new String(t.psk(), StandardCharsets.UTF_8)).isEqualTo(SecureDevice.KEY);
    }

    @Test
    void options_override_the_identity() throws Exception {
        DeviceTarget t = DeviceTarget.resolve("coaps://192.0.2.9", "other", null, identity("0.0.0.0", 5999));
        assertThat(t.base()).isEqualTo("coaps://192.0.2.9:5684");
        assertThat(t.pskIdentity()).isEqualTo("other");
    }

    @Test
    void a_loose_key_file_is_exit_4() throws Exception {
        Path loose = key("loose", "rw-r-----");
        assertThatThrownBy(() -> DeviceTarget.resolve("coaps://192.0.2.7", "tp-01", loose, null))
                .isInstanceOfSatisfying(CtlException.class, e -> assertThat(e.exitCode()).isEqualTo(4));
    }

    @Test
    void a_broken_identity_file_is_exit_4() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"deviceId\":");
        assertThatThrownBy(() -> DeviceTarget.resolve(null, null, null, broken))
                .isInstanceOfSatisfying(CtlException.class, e -> assertThat(e.exitCode()).isEqualTo(4));
    }
}
