package vn.motcua.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TestPki;
import vn.motcua.common.testing.WiredHardware;

/** The identity's client certificate ({@code mqtt.certFile}, {@code mqtt.keyFile}), with keys made by openssl. */
class ClientCertificateIdentityTest {
    private Path dir;
    private TestPki pki;
    private ObjectNode id;

    @BeforeEach
    void certificates() {
        RealPeers.require("openssl is installed", TestPki.available());
        dir = TestDirs.create("client-cert-");
        pki = new TestPki(dir.resolve("pki"));
        id = TestIdentities.sim("tp-01", "ticket-printer", "ssl://localhost:8883");
    }

    @Test
    void reads_an_ec_or_rsa_certificate_with_its_pkcs8_key() throws Exception {
        for (String type : new String[] {"ec", "rsa"}) {
            Path cert = pki.client("tp-" + type, type);
            mqtt().put("certFile", cert.toString()).put("keyFile", pki.privateKey("tp-" + type).toString());
            Identity identity = IdentityLoader.load(TestIdentities.write(dir, id));
            assertThat(identity.mqtt().certFile()).isEqualTo(cert);
            assertThat(PemFiles.privateKey(identity.mqtt().keyFile()).getAlgorithm()).isEqualTo(type.toUpperCase());
        }
    }

    @Test
    void refuses_a_key_readable_by_group_or_others() {
        mqtt().put("certFile", pki.client("tp-01", "ec").toString()).put("keyFile", pki.key("tp-01").toString());
        assertRejected("mqtt.keyFile", "readable by group or others");
    }

    @Test
    void needs_both_files() {
        mqtt().put("certFile", pki.client("tp-01", "ec").toString());
        assertRejected("mqtt.keyFile", "is required with mqtt.certFile");
    }

    @Test
    void is_only_for_an_ssl_broker() {
        id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://localhost:1883");
        mqtt().put("certFile", pki.client("tp-01", "ec").toString()).put("keyFile", pki.privateKey("tp-01").toString());
        assertRejected("mqtt.certFile", "only used with ssl:// broker uris");
    }

    @Test
    void refuses_the_key_of_another_certificate() {
        pki.client("tp-02", "ec");
        mqtt().put("certFile", pki.client("tp-01", "ec").toString()).put("keyFile", pki.privateKey("tp-02").toString());
        assertRejected("mqtt.keyFile", "is not the key of the certificate");
    }

    @Test
    void tells_how_to_convert_a_key_in_the_older_format() throws Exception {
        pki.client("tp-01", "ec");
        pki.openssl("pkey", "-in", "tp-01.key", "-traditional", "-out", "tp-01-sec1.key");
        Path key = dir.resolve("sec1.key");
        Files.copy(pki.dir().resolve("tp-01-sec1.key"), key);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(key)).contains("BEGIN EC PRIVATE KEY");
        mqtt().put("certFile", pki.dir().resolve("tp-01.pem").toString()).put("keyFile", key.toString());
        assertRejected("mqtt.keyFile", "openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void validating_before_the_files_are_installed_does_not_open_them() throws Exception {
        mqtt().put("certFile", "/etc/motcua/mqtt-cert.pem").put("keyFile", "/etc/motcua/mqtt-key.pem");
        IdentityLoader.validate(TestIdentities.write(dir, id), DeviceKind.TICKET_PRINTER, WiredHardware.MODEL);
    }

    private ObjectNode mqtt() {
        return (ObjectNode) id.get("mqtt");
    }

    private void assertRejected(String field, String rule) {
        Path file = TestIdentities.write(dir, id);
        assertThatThrownBy(() -> IdentityLoader.load(file))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
