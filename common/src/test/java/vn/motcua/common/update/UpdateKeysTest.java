package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

class UpdateKeysTest {
    private final Path dir = TestDirs.create("update-keys-");

    @Test
    void a_written_pair_reads_back_and_its_signatures_verify() throws Exception {
        TestBundles.Keys keys = TestBundles.keys(dir);
        byte[] data = "manifest bytes".getBytes(StandardCharsets.UTF_8);

        byte[] signature = UpdateKeys.sign(UpdateKeys.readPrivate(keys.privateFile()), data);

        PublicKey pub = UpdateKeys.readPublic(keys.publicFile());
        assertThat(signature).hasSize(UpdateKeys.SIGNATURE_BYTES);
        assertThat(UpdateKeys.verifies(pub, data, signature)).isTrue();
        assertThat(UpdateKeys.verifies(pub, "other bytes".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Files.readString(keys.publicFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.readString(keys.privateFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void the_private_key_is_readable_by_its_owner_only() throws Exception {
        TestBundles.Keys keys = TestBundles.keys(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.publicFile()))).isEqualTo("rw-r--r--");
    }

    @Test
    void never_overwrites_a_key_file() {
        TestBundles.Keys keys = TestBundles.keys(dir);
        assertThatThrownBy(() -> UpdateKeys.writePrivate(keys.privateFile(), UpdateKeys.generate().getPrivate()))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void says_what_is_wrong_with_a_file_that_holds_no_usable_key() throws Exception {
        Path missing = dir.resolve("none.pub");
        assertNoKey(missing, "does not exist");
        assertNoKey(Files.writeString(dir.resolve("text.pub"), "hello"), "no PEM '-----BEGIN PUBLIC KEY-----' block");
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaFile = dir.resolve("rsa.pub");
        UpdateKeys.writePublic(rsaFile, rsa.generateKeyPair().getPublic());
        assertNoKey(rsaFile, "not Ed25519");
        TestBundles.Keys keys = TestBundles.keys(TestDirs.create("pem-swap-"));
        assertThatThrownBy(() -> UpdateKeys.readPublic(keys.privateFile()))
                .isInstanceOf(BundleException.class).hasMessageContaining("PUBLIC KEY");
    }

    private static void assertNoKey(Path file, String messagePart) {
        assertThatThrownBy(() -> UpdateKeys.readPublic(file)).isInstanceOfSatisfying(BundleException.class, e -> {
            assertThat(e.reason()).isEqualTo(Refusal.NO_KEY);
            assertThat(e.getMessage()).contains(file.toString()).contains(messagePart);
        });
    }
}
