package vn.motcua.common.update;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Bundles signed with the district's update key, as the launcher and the runtime both check them: verified by
 * {@link BundleVerifier}, unpacked by {@link BundleExtractor}. The launcher uses it as its {@link Bundles}; the
 * runtime's upload resource uses {@link #check(String)}.
 */
public final class SignedBundles implements Bundles {
    private final Path key;

    public SignedBundles(Path key) {
        this.key = key;
    }

    @Override
    public Verified verify(Path zip, String kind) throws IOException, RefusedBundle {
        try {
            BundleManifest manifest = BundleVerifier.verify(zip, key, kind);
            return new Verified(manifest.kind(), manifest.version(), manifest);
        } catch (BundleException e) {
            // another kind's bundle is refused after its signature verified: its version is the district's word
            throw new RefusedBundle(e.reason(), e.signedVersion(), e.getMessage());
        }
    }

    /** The check of a complete upload for a device of {@code kind}: the bundle's version, or why it is refused. */
    public BundleCheck check(String kind) {
        return zip -> verify(zip, kind).version();
    }

    @Override
    public void extract(Path zip, Verified bundle, Path dir) throws IOException {
        try {
            BundleExtractor.extract(zip, bundle.manifest(), dir);
        } catch (BundleException e) {
            throw new IOException("the bundle changed after it was verified: " + e.getMessage(), e);
        }
    }
}
