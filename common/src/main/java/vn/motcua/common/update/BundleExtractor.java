package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a verified bundle into a release directory so that a power cut leaves either no release or a whole one:
 * everything goes to {@code <target>.tmp} (a leftover one is removed first), each file is hashed again as it is
 * written and synced, each directory synced, then {@code .tmp} is renamed to {@code <target>}. Files 0644, dirs 0755.
 */
public final class BundleExtractor {
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private BundleExtractor() {
    }

    /**
     * Extracts the files {@code manifest} lists from {@code zip} (verified by {@link BundleVerifier} with the same
     * manifest) into {@code targetDir}. An existing {@code targetDir} (an earlier extraction that a power cut kept from
     * being recorded) is replaced: callers never pass the running or previous release.
     */
    public static void extract(Path zip, BundleManifest manifest, Path targetDir) throws IOException, BundleException {
        Path target = targetDir.toAbsolutePath();
        Path parent = target.getParent();
        Path tmp = parent.resolve(target.getFileName() + ".tmp");
        Files.createDirectories(parent);
        deleteTree(tmp);
        mkdir(tmp);
        TreeSet<Path> dirs = new TreeSet<>();
        dirs.add(tmp);
        try (ZipFile file = BundleVerifier.open(zip)) {
            long total = 0;
            for (var listed : manifest.files().entrySet()) {
                String name = listed.getKey();
                ZipEntry entry = file.getEntry(name);
                if (entry == null || entry.isDirectory()) {
                    throw BundleVerifier.malformed("the bundle does not hold " + name + " that manifest.json lists");
                }
                Path out = tmp.resolve(name).normalize();
                if (!out.startsWith(tmp)) {
                    throw BundleVerifier.malformed("path '" + name + "' leads out of the release directory");
                }
                for (Path d = out.getParent(); !d.equals(tmp); d = d.getParent()) {
                    dirs.add(d);
                }
                Files.createDirectories(out.getParent());
                total += write(file, entry, out, listed.getValue(), BundleLimits.MAX_TOTAL_BYTES - total);
            }
        } catch (ZipException e) {
            deleteTree(tmp);
            throw BundleVerifier.malformed("the bundle is not a valid zip archive (" + e.getMessage() + ")");
        } catch (IOException | BundleException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        for (Path d : dirs) {
            setMode(d, DIR_MODE);
        }
        for (Path d : dirs.descendingSet()) {
            UpdateState.syncDirectory(d);
        }
        deleteTree(target);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target);
        }
        UpdateState.syncDirectory(parent);
    }

    private static long write(ZipFile file, ZipEntry entry, Path out, String expected, long totalLeft)
            throws IOException, BundleException {
        String name = entry.getName();
        String hash;
        long size;
        try (InputStream in = file.getInputStream(entry);
             FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream sink = Channels.newOutputStream(ch);
            hash = BundleLimits.sha256(in, sink, Math.min(BundleLimits.MAX_FILE_BYTES, totalLeft), name);
            ch.force(true);
            size = ch.size();
        }
        if (!hash.equals(expected)) {
            throw BundleVerifier.malformed(name + ": its SHA-256 is not the one manifest.json lists (altered or damaged)");
        }
        setMode(out, FILE_MODE);
        return size;
    }

    private static void mkdir(Path dir) throws IOException {
        Files.createDirectory(dir);
        setMode(dir, DIR_MODE);
    }

    private static void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, mode);
        }
    }

    /** Removes a directory tree (or file, or link) if it is there; never follows links. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
