package vn.motcua.common.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The upload in progress, {@code incoming.part}, written block by block at the offsets the client sends: never more
 * than one block in memory. Block 0 always starts over (a client that vanished mid-upload leaves nothing stuck: the
 * next upload replaces its part file, and block 0 sent again starts over with the same bytes); a later block sent
 * again is taken once; a gap is refused.
 */
public final class UploadFile implements AutoCloseable {
    /** What became of one block. */
    public enum Step { STORED, REPEATED, OUT_OF_ORDER, TOO_LARGE }

    private final Path part;
    private final long maxBytes;
    private FileChannel channel;
    private long received;
    private long lastOffset = -1;

    public UploadFile(Path part, long maxBytes) {
        this.part = part;
        this.maxBytes = maxBytes;
    }

    /** Bytes written so far in the current upload. */
    public long received() {
        return received;
    }

    public boolean inProgress() {
        return channel != null;
    }

    public Step write(long offset, byte[] data) throws IOException {
        if (offset == 0) {
            restart();
        } else if (channel == null) {
            return Step.OUT_OF_ORDER;
        } else if (offset == lastOffset && offset + data.length == received) {
            return Step.REPEATED;
        } else if (offset != received) {
            return Step.OUT_OF_ORDER;
        }
        if (offset + data.length > maxBytes) {
            discard();
            return Step.TOO_LARGE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        lastOffset = offset;
        received = offset + data.length;
        return Step.STORED;
    }

    /** Ends the upload: the part file synced to disk and closed, ready to be renamed. */
    public Path finish() throws IOException {
        channel.force(true);
        channel.close();
        channel = null;
        return part;
    }

    /** Abandons the upload and deletes the part file. */
    public void discard() throws IOException {
        close();
        Files.deleteIfExists(part);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        received = 0;
        lastOffset = -1;
    }

    private void restart() throws IOException {
        close();
        Files.createDirectories(part.getParent());
        channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }
}
