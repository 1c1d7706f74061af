package vn.motcua.common.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The size limits of a release bundle, and the streamed, bounded SHA-256 that checks and extracts its files. */
public final class BundleLimits {
    /** A bundle (the zip) is at most 64 MiB, as {@code PUT /update} takes (SPEC §5). */
    public static final long MAX_BUNDLE_BYTES = 64L * 1024 * 1024;
    /** One file, uncompressed. */
    public static final long MAX_FILE_BYTES = 128L * 1024 * 1024;
    /** All files together, uncompressed (a zip bomb stops here). */
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** Entries in the zip, the manifest's two included. */
    public static final int MAX_ENTRIES = BundleManifest.MAX_FILES + 2;
    public static final int MAX_MANIFEST_BYTES = 256 * 1024;

    private BundleLimits() {
    }

    /**
     * The lowercase hex SHA-256 of what {@code in} yields, copied to {@code copy} (may be null); at most {@code limit}
     * bytes are read, more is {@link Refusal#TOO_LARGE} naming {@code name}.
     */
    static String sha256(InputStream in, OutputStream copy, long limit, String name) throws IOException, BundleException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new BundleException(Refusal.TOO_LARGE, name + " is larger than " + limit + " bytes");
            }
            digest.update(buffer, 0, n);
            if (copy != null) {
                copy.write(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The lowercase hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
