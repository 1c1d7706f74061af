package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.motcua.common.json.Json;

/**
 * Bundles signed with the district's update key. An instance is the launcher's {@link Bundles}: verified with the
 * root-owned update key by {@link BundleVerifier}, unpacked by {@link BundleExtractor}. {@link #verifier} is the
 * device's {@link BundleCheck}: {@link BundleVerifier} with the district's update key, for this device's kind.
 */
public final class SignedBundles implements Bundles {
    private final Path key;

    public SignedBundles(Path key) {
        this.key = key;
    }

    @Override
    public Verified verify(Path zip, String kind) throws IOException, Refused {
        try {
            BundleManifest manifest = BundleVerifier.verify(zip, key, kind);
            return new Verified(manifest.kind(), manifest.version(), manifest);
        } catch (BundleException e) {
            throw new Refused(e.reason().wire(), null, e.getMessage());
        }
    }

    @Override
    public void extract(Path zip, Verified bundle, Path dir) throws IOException {
        try {
            BundleExtractor.extract(zip, (BundleManifest) bundle.manifest(), dir);
        } catch (BundleException e) {
            throw new IOException("the bundle changed after it was verified: " + e.getMessage(), e);
        }
    }

    public static BundleCheck verifier(Path keyFile, String kind) {
        return zip -> {
            try {
                return BundleVerifier.verify(zip, keyFile, kind).version();
            } catch (BundleException e) {
                Refusal reason = switch (e.reason()) {
                    case BAD_SIGNATURE -> Refusal.BAD_SIGNATURE;
                    case NO_KEY -> Refusal.NO_KEY;
                    case WRONG_KIND -> Refusal.WRONG_KIND;
                    case MALFORMED -> Refusal.MALFORMED;
                    case TOO_LARGE -> Refusal.TOO_LARGE;
                };
                // another kind's bundle is refused after its signature verified: its version is the district's word
                String version = reason == Refusal.WRONG_KIND ? signedVersion(zip) : null;
                throw new RefusedBundle(reason, version, e.getMessage());
            }
        };
    }

    private static String signedVersion(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(BundleManifest.MANIFEST);
            try (InputStream in = file.getInputStream(entry)) {
                String version = Json.parse(new String(in.readNBytes(BundleLimits.MAX_MANIFEST_BYTES), StandardCharsets.UTF_8))
                        .path("version").asText(null);
                return ReleaseVersion.valid(version) ? version : null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
