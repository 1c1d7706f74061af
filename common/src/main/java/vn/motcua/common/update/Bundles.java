package vn.motcua.common.update;

import java.io.IOException;
import java.nio.file.Path;

/** What the launcher's {@link Prepare} needs of a staged bundle: verify it with the root-owned key, and extract it. */
public interface Bundles {
    /** A bundle whose signature and hashes were checked: its kind and version, and what the extractor needs. */
    record Verified(String kind, String version, Object manifest) {
    }

    /** Why a bundle is refused ({@code bad-signature}, {@code wrong-kind}, {@code malformed}, ...), and its version when known. */
    final class Refused extends Exception {
        private final String reason;
        private final String version;

        public Refused(String reason, String version, String message) {
            super(message);
            this.reason = reason;
            this.version = version;
        }

        public String reason() {
            return reason;
        }

        public String version() {
            return version;
        }
    }

    /** Checks the bundle's signature and every file's hash; a bundle of another kind is refused too. */
    Verified verify(Path zip, String kind) throws IOException, Refused;

    /**
     * Writes the bundle's files into {@code dir} so that a power cut leaves no {@code dir} or a whole one (the files
     * go to {@code dir.tmp}, are synced, and the directory is renamed), directories 0755 and files 0644.
     */
    void extract(Path zip, Verified bundle, Path dir) throws IOException;
}
