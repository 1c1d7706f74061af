package vn.motcua.common.uplink;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tinylog.Logger;

/**
 * The MQTT bytes from the broker, with every packet above {@code limit} bytes kept out of memory. A PUBLISH over the
 * limit comes out as the same PUBLISH (flags, topic, packet id) with an empty payload, its body skipped in small
 * chunks, so Paho acknowledges it as usual; any other packet over the limit ends the connection with an IOException.
 * While a body is skipped the small packet comes out a byte at a time, at most one per {@code trickleNanos}, so Paho
 * sees the bytes arriving and does not take a slow transfer for a dead connection.
 */
final class InboundLimit extends FilterInputStream {
    private static final int PUBLISH = 3;
    private static final int CHUNK = 8192;

    private enum State { HEADER, PASS, PUBLISH_HEADER, SKIP }

    private final int limit;
    private final long trickleNanos;
    private final byte[] header = new byte[5];
    private final byte[] one = new byte[1];
    private byte[] scratch;
    private State state = State.HEADER;
    private int headerLength;
    private long remaining;
    /** Bytes waiting to come out: a fixed header, or the rewritten small PUBLISH. */
    private byte[] out = new byte[0];
    private int outPos;
    private int outReleased;
    private long lastRelease;
    /** The variable header of an oversized PUBLISH being read (topic length, topic, packet id). */
    private byte[] publishHeader;
    private int publishHeaderRead;

    InboundLimit(InputStream in, int limit, long trickleNanos) {
        super(in);
        this.limit = limit;
        this.trickleNanos = trickleNanos;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (outPos < outReleased) {
                int n = Math.min(len, outReleased - outPos);
                System.arraycopy(out, outPos, b, off, n);
                outPos += n;
                return n;
            }
            switch (state) {
                case HEADER -> {
                    if (!readHeaderByte()) {
                        return -1;
                    }
                }
                case PASS -> {
                    int n = in.read(b, off, (int) Math.min(len, remaining));
                    if (n > 0) {
                        remaining -= n;
                        state = remaining == 0 ? State.HEADER : State.PASS;
                    }
                    return n;
                }
                case PUBLISH_HEADER -> {
                    if (!readPublishHeader()) {
                        return -1;
                    }
                }
                case SKIP -> {
                    if (!skipChunk()) {
                        return -1;
                    }
                }
            }
        }
    }

    @Override
    public int available() throws IOException {
        if (outPos < outReleased) {
            return outReleased - outPos;
        }
        return state == State.PASS ? (int) Math.min(in.available(), remaining) : 0;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, CHUNK)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private boolean readHeaderByte() throws IOException {
        int c = in.read();
        if (c < 0) {
            return false;
        }
        header[headerLength++] = (byte) c;
        if (headerLength == 1 || (c & 0x80) != 0) {
            if (headerLength == header.length) {
                throw new IOException("malformed MQTT packet length from the broker; closing the connection");
            }
            return true;
        }
        long length = 0;
        for (int i = headerLength - 1; i >= 1; i--) {
            length = (length << 7) | (header[i] & 0x7f);
        }
        int type = (header[0] >> 4) & 0x0f;
        int headerBytes = headerLength;
        headerLength = 0;
        remaining = length;
        if (length <= limit) {
            emit(Arrays.copyOf(header, headerBytes), headerBytes);
            state = length == 0 ? State.HEADER : State.PASS;
        } else if (type == PUBLISH) {
            publishHeader = new byte[2];
            publishHeaderRead = 0;
            state = State.PUBLISH_HEADER;
        } else {
            throw new IOException("an MQTT packet of type " + type + " with " + length + " bytes is over the inbound limit of "
                    + limit + " bytes; closing the connection");
        }
        return true;
    }

    /** Reads topic length, topic and packet id of an oversized PUBLISH; then rewrites it and starts skipping. */
    private boolean readPublishHeader() throws IOException {
        int n = in.read(publishHeader, publishHeaderRead, publishHeader.length - publishHeaderRead);
        if (n < 0) {
            return false;
        }
        publishHeaderRead += n;
        if (publishHeaderRead < publishHeader.length) {
            return true;
        }
        if (publishHeader.length == 2) {
            int topicLength = ((publishHeader[0] & 0xff) << 8) | (publishHeader[1] & 0xff);
            int qos = (header[0] >> 1) & 0x03;
            int full = 2 + topicLength + (qos > 0 ? 2 : 0);
            if (qos == 3 || full > remaining) {
                throw new IOException("malformed MQTT PUBLISH from the broker; closing the connection");
            }
            publishHeader = Arrays.copyOf(publishHeader, full);
            return true;
        }
        int topicLength = ((publishHeader[0] & 0xff) << 8) | (publishHeader[1] & 0xff);
        String topic = new String(publishHeader, 2, topicLength, StandardCharsets.UTF_8);
        Logger.warn("refused an MQTT message of {} bytes on {} (the limit is {} bytes): its handlers get it empty, and the "
                + "district should set a size limit on its broker", remaining, topic, limit);
        byte[] fixed = lengthHeader(header[0], publishHeader.length);
        byte[] small = new byte[fixed.length + publishHeader.length];
        System.arraycopy(fixed, 0, small, 0, fixed.length);
        System.arraycopy(publishHeader, 0, small, fixed.length, publishHeader.length);
        remaining -= publishHeader.length;
        publishHeader = null;
        emit(small, fixed.length);
        lastRelease = System.nanoTime();
        state = State.SKIP;
        return true;
    }

    /** Skips one chunk of an oversized body; releases one more byte of the small packet now and then, all at the end. */
    private boolean skipChunk() throws IOException {
        if (remaining > 0) {
            if (scratch == null) {
                scratch = new byte[CHUNK];
            }
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, remaining));
            if (n < 0) {
                return false;
            }
            remaining -= n;
        }
        if (remaining == 0) {
            outReleased = out.length;
            state = State.HEADER;
        } else if (outReleased < out.length - 1 && System.nanoTime() - lastRelease >= trickleNanos) {
            outReleased++;
            lastRelease = System.nanoTime();
        }
        return true;
    }

    /** Puts {@code bytes} out, of which the first {@code releasedNow} can be read at once. */
    private void emit(byte[] bytes, int releasedNow) {
        out = bytes;
        outPos = 0;
        outReleased = releasedNow;
    }

    private static byte[] lengthHeader(byte first, int length) {
        byte[] b = new byte[5];
        b[0] = first;
        int i = 1;
        int rest = length;
        do {
            int digit = rest % 128;
            rest /= 128;
            b[i++] = (byte) (rest > 0 ? digit | 0x80 : digit);
        } while (rest > 0);
        return Arrays.copyOf(b, i);
    }
}
