package vn.motcua.kiosk.scanner;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.Heartbeat;

/**
 * A barcode reader on a serial port (USB CDC or UART) through jSerialComm. One thread started in {@link #start()}
 * opens the port, reads, and after a failure or disconnect closes it and tries again every retry interval,
 * reporting each change of condition to the health callback. Garbage from the reader is logged and skipped. The loop
 * beats an {@code input} heartbeat, when given one, at every read and retry for the runtime's watchdog.
 */
public final class SerialBarcodeReader implements BarcodeReader {
    static final int READ_TIMEOUT_MILLIS = 200;
    /** Quiet read timeouts after which an unterminated line is taken as complete. */
    static final int IDLE_READS_BEFORE_FLUSH = 2;
    /** The watchdog takes the reader's loop as hung when it has not gone round for this long (reads time out in 200 ms). */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String portName;
    private final int baud;
    private final Duration retryInterval;
    private final Consumer<ComponentStatus> health;
    private final ScanDispatcher dispatcher;
    private final Heartbeat heartbeat;
    private final ThreadFactory threads;
    private volatile boolean running;
    private volatile SerialPort port;
    private Thread thread;
    private ComponentStatus reported;

    /**
     * A reader of {@code portName} (an absolute device path, e.g. /dev/ttyACM0) at {@code baud}, 8N1, reading on a
     * thread made by {@code threads}; the reading loop beats {@code heartbeat} (null: none), and retries must be well
     * under {@link #DEADLINE}.
     */
    public SerialBarcodeReader(String portName, int baud, Duration retryInterval, Consumer<ComponentStatus> health,
                               Heartbeat heartbeat, ThreadFactory threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.heartbeat = heartbeat;
        this.portName = Objects.requireNonNull(portName, "portName");
        this.baud = baud;
        this.retryInterval = Objects.requireNonNull(retryInterval, "retryInterval");
        this.health = Objects.requireNonNull(health, "health");
        this.dispatcher = new ScanDispatcher("barcode reader " + portName);
    }

    @Override
    public void setListener(Consumer<String> onScan) {
        dispatcher.setListener(onScan);
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = threads.newThread(this::run);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Lines thrown away as garbage or overlong since start. */
    public long garbageCount() {
        return dispatcher.garbage();
    }

    /**
     * Whether the port can be opened now, for {@code --check}: ok, or a fault naming the problem. Must not be called
     * while a reader of the same port is running.
     */
    public static ComponentStatus probe(String portName, int baud) {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (RuntimeException e) {
            return ComponentStatus.fault("not-connected");
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        if (!p.openPort()) {
            return ComponentStatus.fault("cannot-open:error-" + p.getLastErrorCode());
        }
        p.closePort();
        return ComponentStatus.OK;
    }

    private boolean active() {
        return running && !Thread.currentThread().isInterrupted();
    }

    private void run() {
        while (active()) {
            beat();
            try {
                if (open()) {
                    readUntilFailure();
                }
            } catch (RuntimeException e) {
                Logger.error(e, "barcode reader {} failed; reopening it", portName);
                report(ComponentStatus.fault("error"), "barcode reader {} is in error; retrying every {} ms",
                        portName, retryInterval.toMillis());
            } finally {
                close();
            }
            if (active()) {
                pause();
            }
        }
    }

    private boolean open() {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(portName);
        } catch (RuntimeException e) {
            report(ComponentStatus.fault("not-connected"), "barcode reader {} not found; retrying every {} ms",
                    portName, retryInterval.toMillis());
            return false;
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MILLIS, 0);
        if (!p.openPort()) {
            report(ComponentStatus.fault("not-connected"), "cannot open barcode reader {} (error {}); retrying every {} ms",
                    portName, p.getLastErrorCode(), retryInterval.toMillis());
            return false;
        }
        port = p;
        report(ComponentStatus.OK, "barcode reader {} opened at {} baud", portName, baud);
        return true;
    }

    private void readUntilFailure() {
        ScanSanitizer sanitizer = new ScanSanitizer();
        byte[] buffer = new byte[256];
        int idleReads = 0;
        while (active()) {
            beat();
            SerialPort p = port;
            int n = p == null ? -1 : p.readBytes(buffer, buffer.length);
            if (n < 0 || (n == 0 && p.bytesAvailable() < 0)) {
                if (active()) {
                    report(ComponentStatus.fault("disconnected"), "barcode reader {} disconnected; reopening every {} ms",
                            portName, retryInterval.toMillis());
                }
                return;
            }
            if (n == 0) {
                if (sanitizer.pending() && ++idleReads >= IDLE_READS_BEFORE_FLUSH) {
                    sanitizer.flush().ifPresent(r -> dispatcher.dispatch(List.of(r)));
                }
                continue;
            }
            idleReads = 0;
            dispatcher.dispatch(sanitizer.feed(buffer, 0, n));
        }
    }

    private void beat() {
        if (heartbeat != null) {
            heartbeat.beat();
        }
    }

    private synchronized void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(ComponentStatus status, String message, Object... args) {
        if (status.equals(reported)) {
            return;
        }
        reported = status;
        if (status.ok()) {
            Logger.info(message, args);
        } else {
            Logger.warn(message, args);
        }
        health.accept(status);
    }
}
