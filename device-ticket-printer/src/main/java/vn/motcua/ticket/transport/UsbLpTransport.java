package vn.motcua.ticket.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.tinylog.Logger;

/**
 * A printer on the Linux usblp driver ({@code /dev/usb/lp0}). The driver's reads and writes can block indefinitely and
 * it allows one open at a time, so reads and writes run on one worker thread under a timeout; a read that gets no answer
 * or a write that does not finish closes the device (which aborts the blocked call), and the next use reopens it.
 */
public final class UsbLpTransport implements PrinterTransport {
    private final Path path;
    private final long timeoutMillis;
    private final BoundedIo io;
    private FileChannel channel;
    private boolean oneWayTold;

    public UsbLpTransport(String path, Duration ioTimeout) {
        this.path = Path.of(path);
        this.timeoutMillis = ioTimeout.toMillis();
        this.io = new BoundedIo("printer-usblp-" + this.path.getFileName());
    }

    @Override
    public synchronized void open() throws IOException {
        release();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open USB printer " + path + ": " + e.getMessage() + "; check the cable and the lp group", e);
        }
        Logger.debug("USB printer {} open", path);
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        FileChannel ch = channel;
        try {
            io.write(() -> {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                return null;
            }, timeoutMillis);
        } catch (IOException e) {
            release();
            throw new IOException("USB printer " + path + ": " + e.getMessage() + "; reopening on the next use", e);
        }
    }

    /** Reads what the printer sends within the timeout; a timeout of zero or less returns 0 (nothing is read ahead). */
    @Override
    public synchronized int read(byte[] buf, long timeoutMillis) throws IOException {
        if (timeoutMillis <= 0) {
            return 0;
        }
        ensureOpen();
        FileChannel ch = channel;
        try {
            int n = io.call(() -> ch.read(ByteBuffer.wrap(buf)), timeoutMillis);
            return Math.max(n, 0);
        } catch (TimeoutException e) {
            release();
            return 0;
        } catch (IOException e) {
            release();
            if (String.valueOf(e.getMessage()).contains("Invalid argument") && !oneWayTold) {
                // usblp refuses reads (EINVAL) from a printer that is not bidirectional: its status can never be known
                oneWayTold = true;
                Logger.error("USB printer {} cannot be asked its status: the usblp driver sees a one-way printer and "
                        + "refuses reads (EINVAL). Without status no ticket is printed; connect the printer as serial "
                        + "(its USB-serial/CDC mode, /dev/ttyUSB0 or /dev/ttyACM0) or use a bidirectional model", path);
            }
            throw new IOException("USB printer " + path + ": " + e.getMessage() + "; reopening on the next use", e);
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return channel != null && channel.isOpen();
    }

    @Override
    public String describe() {
        return "usblp:" + path;
    }

    @Override
    public synchronized void close() {
        release();
        io.stop();
    }

    private void ensureOpen() throws IOException {
        if (!isConnected()) {
            open();
        }
    }

    private void release() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                Logger.debug(e, "closing USB printer {} failed", path);
            }
            channel = null;
        }
    }
}
