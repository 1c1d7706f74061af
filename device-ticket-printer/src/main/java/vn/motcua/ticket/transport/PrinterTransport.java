package vn.motcua.ticket.transport;

import java.io.IOException;

/** A byte pipe to a receipt printer (serial, USB line printer, TCP or virtual); every call returns within its timeouts. */
public interface PrinterTransport extends AutoCloseable {

    /** Opens the connection; a transport also reopens by itself on the next write or read after a failure. */
    void open() throws IOException;

    /** Writes all bytes, reopening first if the connection was lost; fails rather than blocking past the write timeout. */
    void write(byte[] data) throws IOException;

    /** Reads up to {@code buf.length} bytes, waiting at most {@code timeoutMillis}; returns 0 when nothing arrived. */
    int read(byte[] buf, long timeoutMillis) throws IOException;

    /** Whether the connection is believed usable now (it is reopened on the next use if not). */
    boolean isConnected();

    /** How long the link needs to carry this many bytes to the printer, for waits that must outlast the transfer. */
    default long transferMillis(int bytes) {
        return 0;
    }

    /** Where the transport goes, for logs and reports, e.g. {@code serial:/dev/ttyUSB0?baud=115200}. */
    String describe();

    @Override
    void close();
}
