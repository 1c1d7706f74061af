package vn.motcua.ticket.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.tinylog.Logger;

/** A network printer on a raw TCP port (usually 9100); connects with a timeout and reconnects after any error. */
public final class TcpTransport implements PrinterTransport {
    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final BoundedIo writer;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String host, int port, Duration ioTimeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) ioTimeout.toMillis();
        this.writer = new BoundedIo("printer-tcp-" + host + ":" + port);
    }

    @Override
    public synchronized void open() throws IOException {
        release();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to printer at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        Logger.info("connected to network printer {}:{}", host, port);
    }

    @Override
    public synchronized void write(byte[] data) throws IOException {
        ensureOpen();
        OutputStream o = out;
        try {
            writer.write(() -> {
                o.write(data);
                o.flush();
                return null;
            }, timeoutMillis);
        } catch (IOException e) {
            release();
            throw new IOException("network printer " + host + ":" + port + ": " + e.getMessage() + "; reconnecting on the next use", e);
        }
    }

    @Override
    public synchronized int read(byte[] buf, long timeoutMillis) throws IOException {
        ensureOpen();
        try {
            if (timeoutMillis <= 0) {
                int available = in.available();
                return available == 0 ? 0 : readChecked(buf, Math.min(available, buf.length));
            }
            socket.setSoTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE));
            return readChecked(buf, buf.length);
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            release();
            throw new IOException("network printer " + host + ":" + port + ": " + e.getMessage() + "; reconnecting on the next use", e);
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public String describe() {
        return "tcp:" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        release();
        writer.stop();
    }

    private int readChecked(byte[] buf, int len) throws IOException {
        int n = in.read(buf, 0, len);
        if (n < 0) {
            throw new IOException("connection closed by the printer");
        }
        return n;
    }

    private void ensureOpen() throws IOException {
        if (!isConnected()) {
            open();
        }
    }

    private void release() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                Logger.debug(e, "closing printer socket {}:{} failed", host, port);
            }
            socket = null;
            in = null;
            out = null;
        }
    }
}
