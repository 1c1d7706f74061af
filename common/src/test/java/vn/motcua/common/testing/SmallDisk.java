package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system made by a test (needs root, as CI runs): a size-limited tmpfs, or an ext4 image on a loop
 * device mounted {@code errors=remount-ro} that the kernel can be told to make read-only as after an SD card error.
 * A filler file takes the last free byte; close unmounts.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;
    private final Path image;
    private final Path filler;

    private SmallDisk(Path dir, Path image) {
        this.dir = dir;
        this.image = image;
        this.filler = dir.resolve("filler");
    }

    /**
     * A tmpfs of {@code mib} MiB; skips the test when not root, and when root but mounting is refused (a container
     * without CAP_SYS_ADMIN) it fails under {@code ./motcua test} and skips otherwise (see {@link RealPeers}).
     */
    public static SmallDisk tmpfs(String prefix, int mib) {
        requireRoot();
        Path dir = mountPoint(prefix);
        mount("mount", "-t", "tmpfs", "-o", "size=" + mib + "m,mode=0755", "tmpfs", dir.toString());
        return new SmallDisk(dir, null);
    }

    /** An ext4 file system of {@code mib} MiB on a loop device; not root or not mountable as for {@link #tmpfs}. */
    public static SmallDisk ext4(String prefix, int mib) {
        requireRoot();
        Path dir = mountPoint(prefix);
        Path image = dir.resolveSibling("disk.img");
        run("truncate", "-s", mib + "M", image.toString());
        run("mkfs.ext4", "-q", "-F", image.toString());
        mount("mount", "-o", "loop,errors=remount-ro", image.toString(), dir.toString());
        return new SmallDisk(dir, image);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a filler file until the disk takes not one more byte; returns its size. */
    public long fill() {
        long written = 0;
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int chunk = 1 << 16; chunk >= 1; chunk >>= 4) {
                written += writeUntilFull(ch, chunk);
            }
        } catch (IOException e) {
            // closing flushes what was written; a full disk may refuse that last bit too
        }
        return written;
    }

    /** Deletes the filler file: the disk has room again. */
    public void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the kernel turn the ext4 file system read-only, as it does after an SD card error; open files too. */
    public void failReadOnly() {
        if (image == null) {
            throw new IllegalStateException("only an ext4 disk can be made read-only under open files");
        }
        String source = run("findmnt", "-n", "-o", "SOURCE", dir.toString()).strip();
        Path trigger = Path.of("/sys/fs/ext4", Path.of(source).getFileName().toString(), "trigger_fs_error");
        try {
            Files.writeString(trigger, "motcua test: state disk fails");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remounts read-only or writable (refused by the kernel while a file is open for writing). */
    public void remount(boolean readOnly) {
        run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString());
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (exec("umount", dir.toString()).exit() != 0) {
            if (System.nanoTime() > deadline) {
                run("umount", "-l", dir.toString());
                break;
            }
            pause();
        }
        if (image != null) {
            try {
                Files.deleteIfExists(image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static long writeUntilFull(FileChannel ch, int chunk) {
        ByteBuffer block = ByteBuffer.allocate(chunk);
        long written = 0;
        try {
            while (true) {
                block.clear();
                written += ch.write(block);
                ch.force(false);
            }
        } catch (IOException full) {
            return written;
        }
    }

    private static void requireRoot() {
        boolean root;
        try {
            root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            root = false;
        }
        RealPeers.require("root, to mount a small state disk (tmpfs, loop ext4); CI runs the tests as root", root);
    }

    private static void mount(String... command) {
        Result r = exec(command);
        RealPeers.require("a small disk mounted as root (" + String.join(" ", command) + ": " + r.output().strip() + ")",
                r.exit() == 0);
    }

    private static Path mountPoint(String prefix) {
        Path dir = TestDirs.create(prefix).resolve("disk");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static String run(String... command) {
        Result r = exec(command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r.output();
    }

    private static Result exec(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Result(int exit, String output) {
    }
}
