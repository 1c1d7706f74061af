package vn.motcua.common.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.motcua.common.update.BundleManifest;
import vn.motcua.common.update.UpdateKeys;

/**
 * Release bundles for tests: an update key pair written as files, a small made-up release (a jar whose Class-Path
 * names two libraries), and raw zips with any entries, for bundles that must be refused. Good bundles come from
 * {@link vn.motcua.common.update.BundleWriter}, as motcua-ctl makes them.
 */
public final class TestBundles {
    private TestBundles() {
    }

    /** A key pair and its files in {@code dir}: update-key.pem (private) and update-key.pub (public). */
    public record Keys(KeyPair pair, Path privateFile, Path publicFile) {
        public PrivateKey privateKey() {
            return pair.getPrivate();
        }
    }

    public static Keys keys(Path dir) {
        try {
            KeyPair pair = UpdateKeys.generate();
            Path priv = dir.resolve("update-key.pem");
            Path pub = dir.resolve("update-key.pub");
            UpdateKeys.writePrivate(priv, pair.getPrivate());
            UpdateKeys.writePublic(pub, pair.getPublic());
            return new Keys(pair, priv, pub);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A made-up release in {@code dir}: {@code device-<kind>.jar} whose Class-Path names {@code lib/alpha-1.0.jar} and
     * {@code lib/beta-2.0.jar}, both there. Returns the jar.
     */
    public static Path fakeRelease(Path dir, String kind) {
        try {
            Files.createDirectories(dir.resolve("lib"));
            Manifest m = new Manifest();
            m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/alpha-1.0.jar lib/beta-2.0.jar");
            Path jar = dir.resolve(BundleManifest.jarName(kind));
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, m)) {
                out.putNextEntry(new ZipEntry("vn/motcua/Fake.txt"));
                out.write(("runtime of a " + kind).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            Files.writeString(dir.resolve("lib/alpha-1.0.jar"), "alpha library bytes");
            Files.writeString(dir.resolve("lib/beta-2.0.jar"), "beta library bytes");
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of {@code entries} (name → bytes) in order, as is: nothing checked, nothing added. */
    public static Path zip(Path out, Map<String, byte[]> entries) {
        try {
            Files.write(out, zipBytes(entries));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a bundle: {@code manifest.json} as given, its signature by {@code key}, then {@code files}. */
    public static Map<String, byte[]> signed(byte[] manifestJson, PrivateKey key, Map<String, byte[]> files) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(BundleManifest.MANIFEST, manifestJson);
        entries.put(BundleManifest.SIGNATURE, UpdateKeys.sign(key, manifestJson));
        entries.putAll(files);
        return entries;
    }

    /**
     * A zip in which {@code entries} is stored twice under {@code duplicated} (which ZipOutputStream refuses to write):
     * written with a stand-in name of the same length, then renamed in the headers.
     */
    public static Path zipWithDuplicate(Path out, Map<String, byte[]> entries, String duplicated) {
        String standIn = duplicated.substring(0, duplicated.length() - 1) + (duplicated.endsWith("Q") ? "R" : "Q");
        Map<String, byte[]> all = new LinkedHashMap<>(entries);
        all.put(standIn, entries.get(duplicated));
        byte[] bytes = zipBytes(all);
        byte[] from = standIn.getBytes(StandardCharsets.UTF_8);
        byte[] to = duplicated.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
        try {
            Files.write(out, bytes);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of {@code entries} in which {@code link} is marked, as Info-ZIP marks it, a Unix symbolic link. */
    public static Path zipWithSymlink(Path out, Map<String, byte[]> entries, String link) {
        ByteBuffer bytes = ByteBuffer.wrap(zipBytes(entries)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = link.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= bytes.limit(); i++) {
            if (bytes.getInt(i) == 0x02014b50 && Short.toUnsignedInt(bytes.getShort(i + 28)) == name.length
                    && java.util.Arrays.equals(bytes.array(), i + 46, i + 46 + name.length, name, 0, name.length)) {
                bytes.putShort(i + 4, (short) (3 << 8 | 20));
                bytes.putInt(i + 38, 0120777 << 16);
            }
        }
        try {
            Files.write(out, bytes.array());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
