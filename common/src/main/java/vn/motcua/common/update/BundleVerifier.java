package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import vn.motcua.common.identity.DeviceKind;

/**
 * Checks a release bundle before anything of it is used (SPEC §11): {@code manifest.sig} is the update key's
 * Ed25519 signature of {@code manifest.json}'s bytes; the manifest is valid and for this kind; every other entry
 * is listed, every listed file is there exactly once as a plain file (no symlink) with its SHA-256, {@code VERSION}
 * holds the version; all within {@link BundleLimits}. Files are hashed as they stream: the zip is never held in memory.
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    public static BundleManifest verify(Path zip, Path publicKeyFile, DeviceKind expectedKind)
            throws BundleException, IOException {
        return verify(zip, publicKeyFile, expectedKind.wire());
    }

    /** The verified manifest of {@code zip}, or a {@link BundleException} whose reason and message say what is wrong. */
    public static BundleManifest verify(Path zip, Path publicKeyFile, String expectedKind)
            throws BundleException, IOException {
        long size;
        try {
            size = Files.size(zip);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(zip.toString(), null, "no bundle there");
        }
        if (size > BundleLimits.MAX_BUNDLE_BYTES) {
            throw new BundleException(Refusal.TOO_LARGE,
                    "the bundle is " + size + " bytes (at most " + BundleLimits.MAX_BUNDLE_BYTES + ")");
        }
        PublicKey key = UpdateKeys.readPublic(publicKeyFile);
        try (ZipFile file = open(zip)) {
            Map<String, ZipEntry> entries = entries(file);
            byte[] manifestBytes = small(file, entries, BundleManifest.MANIFEST, BundleLimits.MAX_MANIFEST_BYTES,
                    Refusal.MALFORMED);
            byte[] signature = small(file, entries, BundleManifest.SIGNATURE, UpdateKeys.SIGNATURE_BYTES,
                    Refusal.BAD_SIGNATURE);
            if (signature.length != UpdateKeys.SIGNATURE_BYTES || !UpdateKeys.verifies(key, manifestBytes, signature)) {
                throw new BundleException(Refusal.BAD_SIGNATURE,
                        "manifest.sig is not a signature of manifest.json by the update key " + publicKeyFile);
            }
            BundleManifest manifest = BundleManifest.parse(manifestBytes);
            if (!manifest.kind().equals(expectedKind)) {
                throw BundleException.wrongKind(manifest.version(),
                        "the bundle is for a " + manifest.kind() + ", this device is a " + expectedKind);
            }
            checkListed(manifest, entries);
            Set<String> links = ZipSymlinks.in(zip);
            if (!links.isEmpty()) {
                throw malformed("zip entry '" + links.iterator().next() + "' is a symbolic link (a release holds plain files)");
            }
            checkFiles(file, manifest, entries);
            return manifest;
        } catch (ZipException e) {
            throw malformed("the bundle is not a valid zip archive (" + e.getMessage() + ")");
        }
    }

    static ZipFile open(Path zip) throws BundleException, IOException {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw malformed("the bundle is not a zip archive, or it is truncated (" + e.getMessage() + ")");
        }
    }

    /** The entries by name; duplicates, unsafe names and too many entries refused. */
    static Map<String, ZipEntry> entries(ZipFile file) throws BundleException {
        Map<String, ZipEntry> byName = new HashMap<>();
        List<? extends ZipEntry> all = Collections.list(file.entries());
        if (all.size() > BundleLimits.MAX_ENTRIES) {
            throw new BundleException(Refusal.TOO_LARGE,
                    "the bundle has " + all.size() + " entries (at most " + BundleLimits.MAX_ENTRIES + ")");
        }
        for (ZipEntry e : all) {
            String name = e.getName();
            boolean manifestFile = name.equals(BundleManifest.MANIFEST) || name.equals(BundleManifest.SIGNATURE);
            String problem = manifestFile ? null : BundleManifest.pathProblem(name);
            if (problem != null) {
                throw malformed("zip entry: " + problem);
            }
            if (byName.put(name, e) != null) {
                throw malformed("zip entry '" + name + "' is there more than once");
            }
        }
        return byName;
    }

    private static void checkListed(BundleManifest manifest, Map<String, ZipEntry> entries) throws BundleException {
        for (String name : entries.keySet()) {
            boolean manifestFile = name.equals(BundleManifest.MANIFEST) || name.equals(BundleManifest.SIGNATURE);
            if (!manifestFile && !manifest.files().containsKey(name)) {
                throw malformed("zip entry '" + name + "' is not listed in manifest.json");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String listed : manifest.files().keySet()) {
            if (!entries.containsKey(listed)) {
                missing.add(listed);
            }
        }
        if (!missing.isEmpty()) {
            throw malformed("manifest.json lists " + missing + " but the bundle does not hold it");
        }
    }

    private static void checkFiles(ZipFile file, BundleManifest manifest, Map<String, ZipEntry> entries)
            throws BundleException, IOException {
        long total = 0;
        for (Map.Entry<String, String> listed : manifest.files().entrySet()) {
            String name = listed.getKey();
            ZipEntry entry = entries.get(name);
            if (entry.isDirectory()) {
                throw malformed("zip entry '" + name + "' is a directory");
            }
            CountingSink sink = new CountingSink(name.equals(BundleManifest.VERSION_FILE));
            long limit = Math.min(BundleLimits.MAX_FILE_BYTES, BundleLimits.MAX_TOTAL_BYTES - total);
            try (InputStream in = file.getInputStream(entry)) {
                String hash = BundleLimits.sha256(in, sink, limit, name);
                if (!hash.equals(listed.getValue())) {
                    throw malformed(name + ": its SHA-256 is not the one manifest.json lists (altered or damaged)");
                }
            } catch (ZipException e) {
                throw malformed(name + ": cannot be read from the zip (" + e.getMessage() + ")");
            }
            total += sink.count;
            if (sink.kept != null) {
                String text = sink.kept.toString(StandardCharsets.UTF_8).strip();
                if (!text.equals(manifest.version())) {
                    throw malformed("VERSION holds '" + text + "', manifest.json says " + manifest.version());
                }
            }
        }
    }

    private static byte[] small(ZipFile file, Map<String, ZipEntry> entries, String name, int limit,
                                Refusal whenMissing) throws BundleException, IOException {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new BundleException(whenMissing, "the bundle has no " + name
                    + (whenMissing == Refusal.BAD_SIGNATURE ? " (it is not signed)" : ""));
        }
        try (InputStream in = file.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new BundleException(whenMissing == Refusal.BAD_SIGNATURE
                        ? Refusal.BAD_SIGNATURE : Refusal.TOO_LARGE,
                        name + " is larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    static BundleException malformed(String message) {
        return new BundleException(Refusal.MALFORMED, message);
    }

    /** Counts what passes and keeps a small file's bytes (VERSION) to compare them. */
    private static final class CountingSink extends java.io.OutputStream {
        long count;
        final java.io.ByteArrayOutputStream kept;

        CountingSink(boolean keep) {
            this.kept = keep ? new java.io.ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (kept != null && kept.size() < 256) {
                kept.write(b, off, Math.min(len, 256 - kept.size()));
            }
        }
    }
}
