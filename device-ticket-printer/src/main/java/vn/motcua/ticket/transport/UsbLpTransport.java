package vn.motcua.ticket.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A printer on the Linux usblp driver ({@code /dev/usb/lp0}). The driver's reads and writes can block indefinitely, so a
 * reader thread started in {@link #open()} collects the printer's answers and writes run under a timeout; any error or
 * timeout closes the device, and the next use reopens it.
 */
public final class UsbLpTransport implements PrinterTransport {
    private final Path path;
    private final long timeoutMillis;
    private final BoundedWriter writer;
    private final BlockingQueue<Byte> input = new ArrayBlockingQueue<>(4096);
    private FileChannel channel;
    private Thread reader;

    public UsbLpTransport(String path, Duration ioTimeout) {
        this.path = Path.of(path);
        this.timeoutMillis = ioTimeout.toMillis();
        this.writer = new BoundedWriter("printer-usblp-write");
    }

    @Override
    public synchronized void open() throws IOException {
        release();
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open USB printer " + path + ": " + e.getMessage() + "; check the cable and the lp group", e);
        }
        input.clear();
        FileChannel ch = channel;
        reader = new Thread(() -> readLoop(ch), "printer-usblp-read");
        reader.setDaemon(true);
        reader.start();
        Logger.info("USB printer {} open", path);
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        FileChannel ch = channel;
        try {
            writer.write(() -> {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }, timeoutMillis);
        } catch (IOException e) {
            release();
            throw new IOException("USB printer " + path + ": " + e.getMessage() + "; reopening on the next use", e);
        }
    }

    @Override
    public int read(byte[] buf, long timeoutMillis) throws IOException {
        synchronized (this) {
            ensureOpen();
        }
        try {
            Byte first = timeoutMillis <= 0 ? input.poll() : input.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (first == null) {
                return 0;
            }
            buf[0] = first;
            int n = 1;
            Byte next;
            while (n < buf.length && (next = input.poll()) != null) {
                buf[n++] = next;
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading from USB printer " + path, e);
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
        writer.stop();
    }

    private void readLoop(FileChannel ch) {
        ByteBuffer buf = ByteBuffer.allocate(64);
        try {
            while (ch.isOpen()) {
                buf.clear();
                int n = ch.read(buf);
                for (int i = 0; i < n; i++) {
                    input.offer(buf.get(i));
                }
                if (n <= 0) {
                    Thread.sleep(50);
                }
            }
        } catch (IOException | InterruptedException e) {
            Logger.debug("USB printer {} reader stopped: {}", path, e.getMessage());
        }
        synchronized (this) {
            if (channel == ch) {
                Logger.warn("USB printer {} stopped answering; it will be reopened on the next use", path);
                release();
            }
        }
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
        if (reader != null) {
            reader.interrupt();
            reader = null;
        }
    }
}
