package vn.motcua.common.update;

import java.io.IOException;
import java.nio.file.Path;

/** What the launcher's {@link Prepare} needs of a staged bundle: verify it with the root-owned key, and extract it. */
public interface Bundles {
    /** A bundle whose signature and hashes were checked: its kind and version, and the manifest the extractor follows. */
    record Verified(String kind, String version, BundleManifest manifest) {
    }

    /** Checks the bundle's signature and every file's hash; a bundle of another kind is refused too. */
    Verified verify(Path zip, String kind) throws IOException, RefusedBundle;

    /**
     * Writes the bundle's files into {@code dir} so that a power cut leaves no {@code dir} or a whole one (the files
     * go to {@code dir.tmp}, are synced, and the directory is renamed), directories 0755 and files 0644.
     */
    void extract(Path zip, Verified bundle, Path dir) throws IOException;
}
