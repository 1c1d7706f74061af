package vn.motcua.common.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Reads a one-line secret file and refuses it when group or others may read it (like ssh with a loose key). */
final class SecretFiles {
    private SecretFiles() {
    }

    static String read(Path identityFile, String field, Path secret) throws IdentityException {
        checkPrivate(identityFile, field, secret);
        String text;
        try {
            text = Files.readString(secret, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IdentityException(identityFile, field, "cannot read secret file " + secret + ": " + e.getMessage());
        }
        if (text.isEmpty() || text.contains("\n")) {
            throw new IdentityException(identityFile, field, "secret file " + secret + " must hold exactly one non-empty line");
        }
        return text;
    }

    /** Refuses a secret file that does not exist or that group or others may read. */
    static void checkPrivate(Path identityFile, String field, Path secret) throws IdentityException {
        if (!Files.isRegularFile(secret)) {
            throw new IdentityException(identityFile, field, "secret file " + secret + " does not exist");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(secret);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IdentityException(identityFile, field, "secret file " + secret
                        + " is readable by group or others; run: chmod 600 " + secret);
            }
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions cannot be checked; the file is still read
        } catch (IOException e) {
            throw new IdentityException(identityFile, field, "cannot read permissions of " + secret + ": " + e.getMessage());
        }
    }
}
