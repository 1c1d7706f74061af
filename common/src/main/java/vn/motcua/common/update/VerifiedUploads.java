package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.motcua.common.json.Json;

/** The runtime's {@link BundleCheck} for uploads: {@link BundleVerifier} with the district's update key, for this device's kind. */
public final class VerifiedUploads {
    private VerifiedUploads() {
    }

    public static BundleCheck check(Path keyFile, String kind) {
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
