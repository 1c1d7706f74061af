package vn.motcua.common.state;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Why a disk gave SQLite an I/O error: SQLite reports a write to a file system the kernel has made read-only (after
 * an SD card error, ext4 {@code errors=remount-ro}) as a plain I/O error, so the mount itself is asked.
 */
final class StorageDiagnosis {
    /** Below this much usable space the disk counts as full (SQLite grows its WAL a few pages at a time). */
    static final long FULL_BELOW_BYTES = 64 * 1024;
    private static final Path MOUNTS = Path.of("/proc/self/mounts");
    private static final Set<String> READ_ONLY_OPTIONS = Set.of("ro", "emergency_ro");

    private StorageDiagnosis() {
    }

    /** The fault of the disk holding {@code dir}: read-only, full, or {@code otherwise} when neither shows. */
    static StorageFault of(Path dir, StorageFault otherwise) {
        try {
            FileStore store = Files.getFileStore(dir);
            if (store.isReadOnly() || mountedReadOnly(dir.toRealPath())) {
                return StorageFault.READ_ONLY;
            }
            if (store.getUsableSpace() < FULL_BELOW_BYTES) {
                return StorageFault.FULL;
            }
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
        return otherwise;
    }

    /** Whether the mount holding {@code dir} (the longest mount point above it) has a read-only option. */
    private static boolean mountedReadOnly(Path dir) throws IOException {
        if (!Files.isReadable(MOUNTS)) {
            return false;
        }
        String options = null;
        int longest = -1;
        for (String line : Files.readAllLines(MOUNTS)) {
            String[] f = line.split(" ");
            if (f.length < 4) {
                continue;
            }
            Path mountPoint = Path.of(f[1].replace("\\040", " "));
            if (dir.startsWith(mountPoint) && mountPoint.getNameCount() >= longest) {
                longest = mountPoint.getNameCount();
                options = f[3];
            }
        }
        return options != null && List.of(options.split(",")).stream().anyMatch(READ_ONLY_OPTIONS::contains);
    }
}
