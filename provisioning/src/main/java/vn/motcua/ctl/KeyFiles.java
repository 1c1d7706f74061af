package vn.motcua.ctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Reads a secret file (PSK, MQTT password) the way the runtime does: one line, refused when group or others may read it. */
final class KeyFiles {
    private KeyFiles() {
    }

    static byte[] read(String option, Path file) throws CtlException {
        requirePrivate(option, file);
        String key;
        try {
            key = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, option + " " + file + " cannot be read: " + e.getMessage());
        }
        if (key.isEmpty() || key.contains("\n")) {
            throw new CtlException(ExitCodes.LOCAL_FILE, option + " " + file + " must hold exactly one non-empty line");
        }
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** Exit 4 unless {@code file} is a regular file that neither group nor others may read. */
    static void requirePrivate(String option, Path file) throws CtlException {
        if (!Files.isRegularFile(file)) {
            throw new CtlException(ExitCodes.LOCAL_FILE, option + " " + file + ": no such file");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new CtlException(ExitCodes.LOCAL_FILE, option + " " + file
                        + " is readable by group or others; run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system: nothing to check
        } catch (IOException e) {
            throw new CtlException(ExitCodes.LOCAL_FILE, option + " " + file + ": " + e.getMessage());
        }
    }
}
