package vn.motcua.ticket.transport;

import java.time.Duration;

/** Creates transports from the identity file's printer URI: {@code serial:}, {@code usblp:} or {@code tcp:}. */
public final class PrinterTransports {
    static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(5);

    private PrinterTransports() {
    }

    /** The transport for the text of a URI (see {@link TransportUri#parse}); IllegalArgumentException says what is wrong. */
    public static PrinterTransport parse(String uri) {
        return TransportUri.parse(uri).open();
    }
}
