package vn.motcua.common.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The entries of a zip that a Unix zip tool marked as symbolic links (the mode in the central directory's external
 * attributes), which {@link java.util.zip.ZipEntry} does not show. Bundles may hold none: a release is plain files.
 */
final class ZipSymlinks {
    private static final int EOCD = 0x06054b50;
    private static final int CEN = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private ZipSymlinks() {
    }

    static Set<String> in(Path zip) throws IOException, BundleException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, EOCD_SIZE + 0xFFFF);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - EOCD_SIZE; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw BundleVerifier.malformed("the bundle has no zip central directory (truncated?)");
            }
            long cenSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long cenOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (cenSize > size || cenOffset + cenSize > size) {
                throw BundleVerifier.malformed("the bundle's zip central directory lies outside the file (zip64 is not used by bundles)");
            }
            return symlinks(read(ch, cenOffset, (int) cenSize));
        }
    }

    private static Set<String> symlinks(ByteBuffer cen) throws BundleException {
        Set<String> links = new HashSet<>();
        int pos = 0;
        while (pos + 46 <= cen.limit()) {
            if (cen.getInt(pos) != CEN) {
                throw BundleVerifier.malformed("the bundle's zip central directory is damaged");
            }
            int madeBy = (cen.getShort(pos + 4) >> 8) & 0xFF;
            int nameLength = Short.toUnsignedInt(cen.getShort(pos + 28));
            int extraLength = Short.toUnsignedInt(cen.getShort(pos + 30));
            int commentLength = Short.toUnsignedInt(cen.getShort(pos + 32));
            int mode = cen.getInt(pos + 38) >>> 16;
            if (pos + 46 + nameLength > cen.limit()) {
                throw BundleVerifier.malformed("the bundle's zip central directory is damaged");
            }
            if (madeBy == UNIX && (mode & S_IFMT) == S_IFLNK) {
                byte[] name = new byte[nameLength];
                cen.get(pos + 46, name);
                links.add(new String(name, StandardCharsets.UTF_8));
            }
            pos += 46 + nameLength + extraLength + commentLength;
        }
        return links;
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (ch.read(buf, offset + buf.position()) < 0) {
                break;
            }
        }
        return buf.flip();
    }
}
