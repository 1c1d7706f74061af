package vn.motcua.common.update;

import java.io.IOException;
import java.nio.file.Path;

/** The launcher's bundles: verified with the root-owned update key by {@link BundleVerifier}, unpacked by {@link BundleExtractor}. */
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
}
