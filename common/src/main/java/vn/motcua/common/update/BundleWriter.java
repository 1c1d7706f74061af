package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes a signed release bundle (SPEC §11): the kind's jar as {@code device-<kind>.jar}, every {@code lib/} jar its
 * manifest's {@code Class-Path} names (from beside the jar), {@code VERSION}, then {@code manifest.json} and
 * {@code manifest.sig}. Written to a temporary file beside {@code out} and renamed, so {@code out} is whole or absent.
 */
public final class BundleWriter {
    /** What was written: the bundle, its size in bytes and how many release files it holds (manifest not counted). */
    public record Written(Path bundle, long bytes, int files, BundleManifest manifest) {
    }

    private BundleWriter() {
    }

    /** A bundle of the release in {@code releaseDir} ({@code device-<kind>.jar} and its {@code lib/}). */
    public static Written fromReleaseDir(Path releaseDir, String kind, String version, PrivateKey key, Path out)
            throws IOException {
        return fromJar(releaseDir.resolve(BundleManifest.jarName(kind)), kind, version, key, out);
    }

    /** A bundle of {@code jar} (whatever its name) and the libraries its {@code Class-Path} names, beside it. */
    public static Written fromJar(Path jar, String kind, String version, PrivateKey key, Path out) throws IOException {
        return write(releaseFiles(jar, kind), kind, version, key, out);
    }

    /**
     * The files of the release {@code jar} belongs to, by their path in a bundle: the jar as {@code device-<kind>.jar}
     * and each {@code Class-Path} entry resolved beside it; a missing one is a {@link NoSuchFileException} naming it.
     */
    public static Map<String, Path> releaseFiles(Path jar, String kind) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new NoSuchFileException(jar.toString(), null, "no device jar there");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(BundleManifest.jarName(kind), jar);
        String classPath;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            classPath = m == null ? null : m.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        if (classPath == null || classPath.isBlank()) {
            return files;
        }
        Path dir = jar.toAbsolutePath().getParent();
        for (String entry : classPath.trim().split("\\s+")) {
            String problem = BundleManifest.pathProblem(entry);
            if (problem != null) {
                throw new IOException(jar + ": its Class-Path entry cannot go into a bundle: " + problem);
            }
            Path lib = dir.resolve(entry);
            if (!Files.isRegularFile(lib)) {
                throw new NoSuchFileException(lib.toString(), null,
                        "named by the Class-Path of " + jar.getFileName() + " but not there (build with mvn package)");
            }
            files.put(entry, lib);
        }
        return files;
    }

    /**
     * A bundle of {@code files} (path in the bundle → file) plus {@code VERSION} holding {@code version}, signed with
     * {@code key}. Used by tests for bundles of made-up releases too.
     */
    public static Written write(Map<String, Path> files, String kind, String version, PrivateKey key, Path out)
            throws IOException {
        if (files.containsKey(BundleManifest.VERSION_FILE)) {
            throw new IllegalArgumentException("VERSION is written from the version, not copied");
        }
        byte[] versionBytes = (version + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            try (InputStream in = Files.newInputStream(f.getValue())) {
                hashes.put(f.getKey(), BundleLimits.sha256(in, null, BundleLimits.MAX_FILE_BYTES, f.getKey()));
            } catch (BundleException e) {
                throw new IOException(f.getValue() + ": " + e.getMessage(), e);
            }
        }
        hashes.put(BundleManifest.VERSION_FILE, BundleLimits.sha256(versionBytes));
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, kind, version, hashes);
        byte[] manifestBytes = manifest.toJson();
        byte[] signature = UpdateKeys.sign(key, manifestBytes);

        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
            put(zip, BundleManifest.MANIFEST, manifestBytes);
            put(zip, BundleManifest.SIGNATURE, signature);
            for (String name : new TreeMap<>(files).keySet()) {
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(files.get(name), zip);
                zip.closeEntry();
            }
            put(zip, BundleManifest.VERSION_FILE, versionBytes);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Written(target, Files.size(target), hashes.size(), manifest);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
