package vn.motcua.ticket.transport;

import java.util.Optional;

/**
 * Where the printer is, as the identity's {@code hardware.printer.transport} names it: {@code serial:}, {@code usblp:}
 * or {@code tcp:}, parsed and checked; {@link #open()} makes the transport.
 */
public sealed interface TransportUri permits TransportUri.Serial, TransportUri.UsbLp, TransportUri.Tcp {
    /** The schemes the runtime knows, as a technician writes them. */
    String FORMS = "serial:/dev/ttyUSB0?baud=115200, usblp:/dev/usb/lp0 or tcp:host:9100";

    /** The URI as written in the identity. */
    String text();

    /** The local device file the transport opens, if it has one. */
    Optional<String> devicePath();

    /** The transport to this printer; nothing is opened until its first use. */
    PrinterTransport open();

    /** A serial port (USB-serial, CDC or UART), 8N1, optionally with RTS/CTS flow control. */
    record Serial(String text, String path, int baud, boolean rtsCts) implements TransportUri {
        @Override
        public PrinterTransport open() {
            return new SerialTransport(path, baud, rtsCts, PrinterTransports.DEFAULT_IO_TIMEOUT);
        }

        @Override
        public Optional<String> devicePath() {
            return Optional.of(path);
        }
    }

    /** A USB printer-class device through the kernel's usblp driver. */
    record UsbLp(String text, String path) implements TransportUri {
        @Override
        public PrinterTransport open() {
            return new UsbLpTransport(path, PrinterTransports.DEFAULT_IO_TIMEOUT);
        }

        @Override
        public Optional<String> devicePath() {
            return Optional.of(path);
        }
    }

    /** A network printer's raw port. */
    record Tcp(String text, String host, int port) implements TransportUri {
        @Override
        public PrinterTransport open() {
            return new TcpTransport(host, port, PrinterTransports.DEFAULT_IO_TIMEOUT);
        }

        @Override
        public Optional<String> devicePath() {
            return Optional.empty();
        }
    }

    /** Parses {@code serial:/dev/ttyUSB0?baud=115200[&flow=rtscts]}, {@code usblp:/dev/usb/lp0} or {@code tcp:host:9100}. */
    static TransportUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("printer transport is empty; expected " + FORMS);
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon);
        String rest = colon < 0 ? "" : uri.substring(colon + 1);
        return switch (scheme) {
            case "serial" -> serial(uri, rest);
            case "usblp" -> new UsbLp(uri, devicePath(uri, rest));
            case "tcp" -> tcp(uri, rest);
            default -> throw new IllegalArgumentException("printer transport '" + uri
                    + "' has an unknown scheme; expected serial:, usblp: or tcp: (" + FORMS + ")");
        };
    }

    private static TransportUri serial(String uri, String rest) {
        int q = rest.indexOf('?');
        String path = devicePath(uri, q < 0 ? rest : rest.substring(0, q));
        int baud = 115200;
        boolean rtsCts = false;
        if (q >= 0) {
            for (String param : rest.substring(q + 1).split("&")) {
                String[] kv = param.split("=", 2);
                if (kv.length == 2 && kv[0].equals("baud")) {
                    baud = parseInt(uri, "baud", kv[1], 1200, 921600);
                } else if (kv.length == 2 && kv[0].equals("flow") && (kv[1].equals("none") || kv[1].equals("rtscts"))) {
                    rtsCts = kv[1].equals("rtscts");
                } else {
                    throw new IllegalArgumentException("printer transport '" + uri + "': unknown parameter '" + param
                            + "', allowed: baud=N, flow=none|rtscts");
                }
            }
        }
        return new Serial(uri, path, baud, rtsCts);
    }

    private static TransportUri tcp(String uri, String rest) {
        String hostPort = rest.startsWith("//") ? rest.substring(2) : rest;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("printer transport '" + uri + "' needs a host and a port, e.g. tcp:192.168.1.50:9100");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Tcp(uri, host, parseInt(uri, "port", hostPort.substring(colon + 1), 1, 65535));
    }

    private static String devicePath(String uri, String path) {
        if (!path.startsWith("/") || path.length() < 2 || path.contains("?")) {
            throw new IllegalArgumentException("printer transport '" + uri + "' needs an absolute device path, e.g. /dev/ttyUSB0");
        }
        return path;
    }

    private static int parseInt(String uri, String what, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) {
                throw new IllegalArgumentException("printer transport '" + uri + "': " + what + " must be " + min + ".." + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("printer transport '" + uri + "': " + what + " '" + text + "' is not a number", e);
        }
    }
}
