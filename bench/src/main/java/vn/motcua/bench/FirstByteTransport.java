package vn.motcua.bench;

import java.io.IOException;
import vn.motcua.ticket.transport.PrinterTransport;

/** A transport that notes when the first byte of a ticket (ESC @) is handed to it, then passes everything on. */
final class FirstByteTransport implements PrinterTransport {
    private final PrinterTransport delegate;
    private volatile long ticketAt;

    FirstByteTransport(PrinterTransport delegate) {
        this.delegate = delegate;
    }

    /** Forgets the last ticket's time; call before each press. */
    void reset() {
        ticketAt = 0;
    }

    /** System.nanoTime() when the last ticket's first byte arrived, 0 if none did. */
    long ticketAt() {
        return ticketAt;
    }

    @Override
    public void open() throws IOException {
        delegate.open();
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (ticketAt == 0 && data.length > 1 && data[0] == 0x1B && data[1] == '@') {
            ticketAt = System.nanoTime();
        }
        delegate.write(data);
    }

    @Override
    public int read(byte[] buf, long timeoutMillis) throws IOException {
        return delegate.read(buf, timeoutMillis);
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public String describe() {
        return "timed " + delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
