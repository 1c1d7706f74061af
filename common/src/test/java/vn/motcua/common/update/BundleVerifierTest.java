package vn.motcua.common.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

class BundleVerifierTest {
    private static final String KIND = "ticket-printer";
    private final Path dir = TestDirs.create("bundle-verify-");
    private final TestBundles.Keys keys = TestBundles.keys(dir);

    private Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("device-ticket-printer.jar", bytes("the runtime jar"));
        files.put("lib/common-0.2.0.jar", bytes("the common library"));
        files.put("VERSION", bytes("0.2.0\n"));
        return files;
    }

    private static byte[] manifestOf(String kind, String version, Map<String, byte[]> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((name, content) -> hashes.put(name, BundleLimits.sha256(content)));
        return new BundleManifest(1, kind, version, hashes).toJson();
    }

    private Path bundle(byte[] manifest, Map<String, byte[]> files) {
        return TestBundles.zip(dir.resolve("b.zip"), TestBundles.signed(manifest, keys.privateKey(), files));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void refused(Path zip, Refusal reason, String messagePart) {
        Executable verify = () -> BundleVerifier.verify(zip, keys.publicFile(), DeviceKind.TICKET_PRINTER);
        assertThatThrownBy(verify::execute).isInstanceOfSatisfying(BundleException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @Test
    void accepts_a_bundle_written_by_the_bundle_writer_and_returns_its_manifest() throws Exception {
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), KIND);
        BundleWriter.Written written = BundleWriter.fromJar(jar, KIND, "0.2.0", keys.privateKey(), dir.resolve("ok.zip"));

        BundleManifest m = BundleVerifier.verify(written.bundle(), keys.publicFile(), KIND);

        assertThat(m.version()).isEqualTo("0.2.0");
        assertThat(m.kind()).isEqualTo(KIND);
        assertThat(m.files()).containsOnlyKeys("device-ticket-printer.jar", "lib/alpha-1.0.jar", "lib/beta-2.0.jar", "VERSION");
        assertThat(written.files()).isEqualTo(4);
    }

    @Test
    void refuses_a_bundle_signed_with_another_key() {
        TestBundles.Keys other = TestBundles.keys(TestDirs.create("other-key-"));
        Map<String, byte[]> files = files();
        Path zip = TestBundles.zip(dir.resolve("b.zip"),
                TestBundles.signed(manifestOf(KIND, "0.2.0", files), other.privateKey(), files));
        refused(zip, Refusal.BAD_SIGNATURE, "not a signature of manifest.json");
    }

    @Test
    void refuses_a_manifest_changed_after_signing() {
        Map<String, byte[]> files = files();
        Map<String, byte[]> entries = TestBundles.signed(manifestOf(KIND, "0.2.0", files), keys.privateKey(), files);
        entries.put("manifest.json", manifestOf(KIND, "0.3.0", files));
        refused(TestBundles.zip(dir.resolve("b.zip"), entries), Refusal.BAD_SIGNATURE, "manifest.sig");
    }

    @Test
    void refuses_an_unsigned_bundle() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifestOf(KIND, "0.2.0", files()));
        entries.putAll(files());
        refused(TestBundles.zip(dir.resolve("b.zip"), entries), Refusal.BAD_SIGNATURE, "not signed");
    }

    @Test
    void refuses_every_bundle_without_an_installed_key() throws Exception {
        Path zip = bundle(manifestOf(KIND, "0.2.0", files()), files());
        Files.delete(keys.publicFile());
        refused(zip, Refusal.NO_KEY, "does not exist");
    }

    @Test
    void refuses_a_file_altered_after_signing() {
        Map<String, byte[]> files = files();
        byte[] manifest = manifestOf(KIND, "0.2.0", files);
        files.put("lib/common-0.2.0.jar", bytes("the common library, patched"));
        refused(bundle(manifest, files), Refusal.MALFORMED, "lib/common-0.2.0.jar: its SHA-256");
    }

    @Test
    void refuses_an_entry_the_manifest_does_not_list() {
        Map<String, byte[]> files = files();
        byte[] manifest = manifestOf(KIND, "0.2.0", files);
        files.put("lib/extra.jar", bytes("smuggled"));
        refused(bundle(manifest, files), Refusal.MALFORMED, "'lib/extra.jar' is not listed");
    }

    @Test
    void refuses_a_listed_file_that_is_missing() {
        Map<String, byte[]> files = files();
        byte[] manifest = manifestOf(KIND, "0.2.0", files);
        files.remove("lib/common-0.2.0.jar");
        refused(bundle(manifest, files), Refusal.MALFORMED, "[lib/common-0.2.0.jar]");
    }

    @Test
    void refuses_an_entry_that_is_there_twice() {
        Map<String, byte[]> files = files();
        Path zip = TestBundles.zipWithDuplicate(dir.resolve("b.zip"),
                TestBundles.signed(manifestOf(KIND, "0.2.0", files), keys.privateKey(), files), "lib/common-0.2.0.jar");
        refused(zip, Refusal.MALFORMED, "more than once");
    }

    @Test
    void refuses_an_entry_that_climbs_out_of_the_release_directory() {
        Map<String, byte[]> files = files();
        byte[] manifest = manifestOf(KIND, "0.2.0", files);
        files.put("../../etc/motcua/update-key.pub", bytes("another key"));
        refused(bundle(manifest, files), Refusal.MALFORMED, "'..' segment");
    }

    @Test
    void refuses_an_absolute_entry() {
        Map<String, byte[]> files = files();
        byte[] manifest = manifestOf(KIND, "0.2.0", files);
        files.put("/etc/passwd", bytes("root::0:0"));
        refused(bundle(manifest, files), Refusal.MALFORMED, "not a relative");
    }

    @Test
    void refuses_an_entry_marked_as_a_symbolic_link() {
        Map<String, byte[]> files = files();
        files.put("lib/common-0.2.0.jar", bytes("/etc/motcua/device.json"));
        Path zip = TestBundles.zipWithSymlink(dir.resolve("b.zip"),
                TestBundles.signed(manifestOf(KIND, "0.2.0", files), keys.privateKey(), files), "lib/common-0.2.0.jar");
        refused(zip, Refusal.MALFORMED, "'lib/common-0.2.0.jar' is a symbolic link");
    }

    @Test
    void refuses_a_bundle_for_another_kind_and_keeps_its_signed_version() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("device-kiosk.jar", bytes("kiosk runtime"));
        files.put("VERSION", bytes("0.2.0\n"));
        Path zip = bundle(manifestOf("kiosk", "0.2.0", files), files);
        refused(zip, Refusal.WRONG_KIND, "for a kiosk, this device is a ticket-printer");
        assertThatThrownBy(() -> BundleVerifier.verify(zip, keys.publicFile(), DeviceKind.TICKET_PRINTER))
                .isInstanceOfSatisfying(BundleException.class, e -> assertThat(e.signedVersion()).isEqualTo("0.2.0"));
    }

    @Test
    void refuses_a_version_file_that_differs_from_the_manifest() {
        Map<String, byte[]> files = files();
        files.put("VERSION", bytes("9.9.9\n"));
        refused(bundle(manifestOf(KIND, "0.2.0", files), files), Refusal.MALFORMED, "VERSION holds '9.9.9'");
    }

    @Test
    void refuses_a_truncated_bundle() throws Exception {
        Path zip = bundle(manifestOf(KIND, "0.2.0", files()), files());
        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(whole, whole.length - 30));
        refused(zip, Refusal.MALFORMED, "zip");
    }

    @Test
    void refuses_a_file_that_is_not_a_zip() throws Exception {
        Path zip = Files.writeString(dir.resolve("b.zip"), "{\"format\":1}");
        refused(zip, Refusal.MALFORMED, "not a zip");
    }

    @Test
    void refuses_a_bundle_over_64_mib_before_reading_it() throws Exception {
        Path zip = dir.resolve("big.zip");
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "rw")) {
            f.setLength(BundleLimits.MAX_BUNDLE_BYTES + 1);
        }
        refused(zip, Refusal.TOO_LARGE, "at most 67108864");
    }

    @Test
    void refuses_a_manifest_with_a_field_given_twice() {
        Map<String, byte[]> files = files();
        String json = new String(manifestOf(KIND, "0.2.0", files), StandardCharsets.UTF_8)
                .replace("\"version\":\"0.2.0\"", "\"version\":\"0.2.0\",\"version\":\"0.1.0\"");
        refused(bundle(bytes(json), files), Refusal.MALFORMED, "Duplicate field 'version'");
    }
}
