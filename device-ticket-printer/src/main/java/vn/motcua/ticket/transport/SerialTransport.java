package vn.motcua.ticket.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tinylog.Logger;

/**
 * A printer on a serial port through jSerialComm (8N1, no flow control or RTS/CTS). jSerialComm's {@code isOpen()} stays true after
 * an unplug, so this transport tracks the port itself: a disconnect event, an I/O error or the device path now naming
 * another device (or none) marks it lost; the next use re-enumerates the path and reopens it. jSerialComm unpacks its
 * native library into {@code java.io.tmpdir}, which must be writable and allow execution. Writes are bounded by the
 * write timeout plus the transfer time at the line's speed, also on Linux where jSerialComm's own write timeout does
 * nothing.
 */
public final class SerialTransport implements PrinterTransport {
    private final String path;
    private final int baud;
    private final boolean rtsCts;
    private final int writeTimeoutMillis;
    private final BoundedIo writer;
    private SerialPort port;
    private Path openedTarget;
    private int readTimeoutSet = -1;
    private volatile boolean lost = true;

    public SerialTransport(String path, int baud, Duration writeTimeout) {
        this(path, baud, false, writeTimeout);
    }

    /** A serial printer, with RTS/CTS hardware flow control when the printer is set up for it. */
    public SerialTransport(String path, int baud, boolean rtsCts, Duration writeTimeout) {
        this.path = path;
        this.baud = baud;
        this.rtsCts = rtsCts;
        this.writeTimeoutMillis = (int) writeTimeout.toMillis();
        this.writer = new BoundedIo("printer-serial-" + path);
    }

    @Override
    public synchronized void open() throws IOException {
        release();
        Path target = realTarget();
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("serial port " + path + " does not exist", e);
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(rtsCts ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, writeTimeoutMillis);
        readTimeoutSet = 100;
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + p.getLastErrorCode() + "); check the cable and the dialout group");
        }
        p.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                if (!lost) {
                    lost = true;
                    Logger.warn("serial printer port {} disconnected; it will be reopened on the next print or status check", path);
                }
                // the port is closed by the next use (release), not here: closePort() from this callback waits for the
                // port's lock, which release() holds while it joins this thread in removeDataListener() - a deadlock
            }
        });
        port = p;
        openedTarget = target;
        lost = false;
        Logger.info("serial printer port {} open at {} baud", path, baud);
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        SerialPort p = port;
        try {
            // jSerialComm's write timeout works on Windows only: on Linux a write blocks for as long as the printer
            // holds CTS low or the driver cannot drain, so it runs on a worker and the caller waits a bounded time
            writer.write(() -> {
                int written = p.writeBytes(data, data.length);
                if (written != data.length) {
                    throw new IOException("wrote " + Math.max(written, 0) + " of " + data.length + " bytes");
                }
                return null;
            }, writeTimeoutMillis + transferMillis(data.length));
        } catch (IOException e) {
            // closing the port (in fail) unblocks a write stuck in the driver; the next write gets a fresh worker
            writer.stop();
            fail(e.getMessage());
        }
    }

    @Override
    public synchronized int read(byte[] buf, long timeoutMillis) throws IOException {
        ensureOpen();
        if (timeoutMillis <= 0) {
            int available = port.bytesAvailable();
            if (available < 0) {
                fail("cannot poll for input");
            }
            if (available == 0) {
                return 0;
            }
        }
        int timeout = (int) Math.max(1, Math.min(timeoutMillis, Integer.MAX_VALUE));
        if (timeout != readTimeoutSet) {
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, timeout, writeTimeoutMillis);
            readTimeoutSet = timeout;
        }
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            fail("read failed");
        }
        return n;
    }

    @Override
    public synchronized boolean isConnected() {
        if (port == null || lost) {
            return false;
        }
        try {
            return realTarget().equals(openedTarget);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long transferMillis(int bytes) {
        return bytes * 10_000L / baud;
    }

    @Override
    public String describe() {
        return "serial:" + path + "?baud=" + baud + (rtsCts ? "&flow=rtscts" : "");
    }

    @Override
    public synchronized void close() {
        release();
        writer.stop();
        lost = true;
    }

    private void ensureOpen() throws IOException {
        if (!isConnected()) {
            if (port != null) {
                Logger.info("serial printer port {} was lost; reopening it", path);
            }
            open();
        }
    }

    private Path realTarget() throws IOException {
        try {
            return Path.of(path).toRealPath();
        } catch (IOException e) {
            throw new IOException("serial port " + path + " is not present", e);
        }
    }

    private void fail(String what) throws IOException {
        lost = true;
        boolean present = Files.exists(Path.of(path));
        release();
        throw new IOException("serial port " + path + ": " + what + (present ? "" : " (device gone)") + "; it will be reopened on the next use");
    }

    private void release() {
        if (port != null) {
            port.removeDataListener();
            port.closePort();
            port = null;
            openedTarget = null;
        }
    }
}
