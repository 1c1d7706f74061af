package vn.motcua.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import vn.motcua.common.update.BundleWriter;
import vn.motcua.common.update.UpdateState;

/** Signed bundles of made-up releases for the update tests, and a staging root with the device's update key. */
public final class UpdateBundles {
    private final Path dir;
    private final TestBundles.Keys keys;
    private final TestBundles.Keys otherKeys;
    private int made;

    /** Keys in {@code dir}; the device's public key installed as {@code root}/etc/motcua/update-key.pub. */
    public UpdateBundles(Path dir, Path root) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("keys"));
        Files.createDirectories(dir.resolve("other-keys"));
        this.keys = TestBundles.keys(dir.resolve("keys"));
        this.otherKeys = TestBundles.keys(dir.resolve("other-keys"));
        Path installed = root.resolve("etc/motcua/update-key.pub");
        Files.createDirectories(installed.getParent());
        Files.copy(keys.publicFile(), installed);
    }

    /** A bundle signed with the district's key; {@code padding} random bytes in an extra library make it bigger. */
    public Path bundle(String kind, String version, int padding) throws IOException {
        return bundle(kind, version, padding, keys);
    }

    /** A bundle signed with a key the device does not know. */
    public Path signedWithAnotherKey(String kind, String version) throws IOException {
        return bundle(kind, version, 0, otherKeys);
    }

    /** update.json under {@code root} refusing {@code version} (as after a rollback). */
    public static void refuse(Path root, String running, String version) throws IOException {
        UpdateState s = UpdateState.initial(running);
        s.with(running, null, null, s.refusedPlus(version), s.nextLast(version, "rolled-back", "crash-loop", running))
                .write(root.resolve("opt/motcua/update.json"));
    }

    private Path bundle(String kind, String version, int padding, TestBundles.Keys by) throws IOException {
        made++;
        Path release = dir.resolve("release-" + made);
        Path jar = TestBundles.fakeRelease(release, kind);
        Map<String, Path> files = new LinkedHashMap<>(BundleWriter.releaseFiles(jar, kind));
        if (padding > 0) {
            Path big = release.resolve("lib/padding-1.0.jar");
            byte[] chunk = new byte[64 * 1024];
            Random random = new Random(made);
            try (OutputStream out = Files.newOutputStream(big)) {
                for (int left = padding; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, Math.min(left, chunk.length));
                }
            }
            files.put("lib/padding-1.0.jar", big);
        }
        return BundleWriter.write(files, kind, version, by.privateKey(), dir.resolve(kind + "-" + version + "-" + made + ".zip")).bundle();
    }
}
