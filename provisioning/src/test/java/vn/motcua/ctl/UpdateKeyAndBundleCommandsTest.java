package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.update.BundleManifest;
import vn.motcua.common.update.BundleVerifier;
import vn.motcua.common.update.UpdateKeys;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;

/** update-key generate and bundle, on made-up releases: files, modes, what devices accept, and mistakes. */
class UpdateKeyAndBundleCommandsTest {
    private final Path dir = TestDirs.create("ctl-bundle-");
    private final Path keys = dir.resolve("keys");

    private Path givenKeyPair() {
        Ctl.Result r = Ctl.run("update-key", "generate", "--out", keys.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        return keys.resolve("update-key.pem");
    }

    @Test
    void generate_writes_a_private_key_for_the_owner_only_and_a_public_key_for_all() throws Exception {
        Ctl.Result r = Ctl.run("update-key", "generate", "--out", keys.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("motcua-setup --update-key " + keys.resolve("update-key.pub"));
        Path priv = keys.resolve("update-key.pem");
        Path pub = keys.resolve("update-key.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub))).isEqualTo("rw-r--r--");
        byte[] sig = UpdateKeys.sign(UpdateKeys.readPrivate(priv), new byte[] {1, 2, 3});
        assertThat(UpdateKeys.verifies(UpdateKeys.readPublic(pub), new byte[] {1, 2, 3}, sig)).isTrue();
    }

    @Test
    void generate_never_replaces_a_key_pair_without_force() throws Exception {
        givenKeyPair();
        String before = Files.readString(keys.resolve("update-key.pub"));

        Ctl.Result again = Ctl.run("update-key", "generate", "--out", keys.toString());
        assertThat(again.exit()).isEqualTo(4);
        assertThat(again.err()).contains("update-key.pem already exists").contains("--force");
        assertThat(keys.resolve("update-key.pub")).hasContent(before);

        Ctl.Result forced = Ctl.run("update-key", "generate", "--out", keys.toString(), "--force");
        assertThat(forced.exit()).as(forced.toString()).isZero();
        assertThat(Files.readString(keys.resolve("update-key.pub"))).isNotEqualTo(before);
    }

    @Test
    void bundle_of_a_given_jar_is_accepted_by_the_verifier_with_the_public_key() throws Exception {
        Path priv = givenKeyPair();
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), "rating-pad");
        Path out = dir.resolve("rp-0.2.0.zip");

        Ctl.Result r = Ctl.run("bundle", "--kind", "rating-pad", "--version", "0.2.0", "--key", priv.toString(),
                "--jar", jar.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("rating-pad 0.2.0, 4 files, " + Files.size(out) + " bytes");
        BundleManifest m = BundleVerifier.verify(out, keys.resolve("update-key.pub"), "rating-pad");
        assertThat(m.version()).isEqualTo("0.2.0");
        assertThat(m.files()).containsKeys("device-rating-pad.jar", "lib/alpha-1.0.jar", "lib/beta-2.0.jar", "VERSION");
    }

    @Test
    void bundle_in_json_lists_its_files_and_size() throws Exception {
        Path priv = givenKeyPair();
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), "kiosk");
        Path out = dir.resolve("k.zip");

        Ctl.Result r = Ctl.run("bundle", "--kind", "kiosk", "--version", "1.0.0-rc1", "--key", priv.toString(),
                "--jar", jar.toString(), "--out", out.toString(), "--json");

        assertThat(r.exit()).as(r.toString()).isZero();
        var doc = Json.parse(r.out());
        assertThat(doc.path("bytes").asLong()).isEqualTo(Files.size(out));
        assertThat(doc.path("files")).hasSize(4);
        assertThat(doc.path("version").asText()).isEqualTo("1.0.0-rc1");
    }

    @Test
    void bundle_and_generate_have_help_with_their_options() {
        Ctl.Result bundle = Ctl.run("bundle", "--help");
        assertThat(bundle.exit()).as(bundle.toString()).isZero();
        assertThat(bundle.out()).contains("--jar=FILE", "--key=PRIVATE", "--version=V", "Exit codes:");
        Ctl.Result generate = Ctl.run("update-key", "generate", "--help");
        assertThat(generate.exit()).as(generate.toString()).isZero();
        assertThat(generate.out()).contains("--out=DIR", "--force");
        assertThat(Ctl.run("--help").out()).contains("update-key", "bundle");
    }

    @Test
    void bundle_arguments_that_make_no_sense_are_usage_errors() {
        Path priv = givenKeyPair();
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), "kiosk");
        String[] common = {"--key", priv.toString(), "--jar", jar.toString(), "--out", dir.resolve("b.zip").toString()};

        assertUsage(Ctl.run(concat(new String[] {"bundle", "--kind", "toaster", "--version", "0.2.0"}, common)),
                "--kind must be ticket-printer, rating-pad or kiosk (got \"toaster\")");
        assertUsage(Ctl.run(concat(new String[] {"bundle", "--kind", "kiosk", "--version", "../0.2"}, common)),
                "--version must be a release version");
        assertUsage(Ctl.run("bundle", "--kind", "kiosk", "--version", "0.2.0", "--key", priv.toString()),
                "Missing required option: '--out=BUNDLE'");
        assertUsage(Ctl.run("bundle", "--kind", "kiosk", "--version", "0.2.0", "--key", priv.toString(),
                "--jar", jar.toString(), "--out", dir.toString()), "is a directory");
        assertUsage(Ctl.run("update-key"), "update-key needs a subcommand: generate");
        assertUsage(Ctl.run("update-key", "generate"), "Missing required option: '--out=DIR'");
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    @Test
    void bundle_refuses_a_key_file_others_can_read_or_one_that_holds_no_private_key() throws Exception {
        Path priv = givenKeyPair();
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), "kiosk");
        Path open = Files.copy(priv, dir.resolve("open.pem"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path pubAsKey = Files.copy(keys.resolve("update-key.pub"), dir.resolve("pub.pem"));
        Files.setPosixFilePermissions(pubAsKey, PosixFilePermissions.fromString("rw-------"));

        Ctl.Result readable = Ctl.run("bundle", "--kind", "kiosk", "--version", "0.2.0", "--key", open.toString(),
                "--jar", jar.toString(), "--out", dir.resolve("b.zip").toString());
        assertThat(readable.exit()).isEqualTo(4);
        assertThat(readable.err()).contains("readable by group or others; run: chmod 600");

        Ctl.Result wrong = Ctl.run("bundle", "--kind", "kiosk", "--version", "0.2.0", "--key", pubAsKey.toString(),
                "--jar", jar.toString(), "--out", dir.resolve("b.zip").toString());
        assertThat(wrong.exit()).isEqualTo(4);
        assertThat(wrong.err()).contains("no PEM '-----BEGIN PRIVATE KEY-----' block");
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    @Test
    void bundle_names_a_library_the_jar_needs_that_is_missing() throws Exception {
        Path priv = givenKeyPair();
        Path jar = TestBundles.fakeRelease(dir.resolve("release"), "kiosk");
        Files.delete(dir.resolve("release/lib/alpha-1.0.jar"));

        Ctl.Result r = Ctl.run("bundle", "--kind", "kiosk", "--version", "0.2.0", "--key", priv.toString(),
                "--jar", jar.toString(), "--out", dir.resolve("b.zip").toString());

        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("lib/alpha-1.0.jar").contains("Class-Path");
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    private static void assertUsage(Ctl.Result r, String line) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains(line);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
