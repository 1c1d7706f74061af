package vn.motcua.ticket.transport;

import java.time.Duration;

/** Creates transports from the identity file's printer URI: {@code serial:}, {@code usblp:} or {@code tcp:}. */
public final class PrinterTransports {
    static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(5);

    private PrinterTransports() {
    }

    /** Parses {@code serial:/dev/ttyUSB0?baud=115200[&flow=rtscts]}, {@code usblp:/dev/usb/lp0} or {@code tcp:host:9100}. */
    public static PrinterTransport parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("printer transport is empty; expected serial:/dev/ttyUSB0?baud=115200, usblp:/dev/usb/lp0 or tcp:host:9100");
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon);
        String rest = colon < 0 ? "" : uri.substring(colon + 1);
        return switch (scheme) {
            case "serial" -> serial(uri, rest);
            case "usblp" -> new UsbLpTransport(devicePath(uri, rest), DEFAULT_IO_TIMEOUT);
            case "tcp" -> tcp(uri, rest);
            default -> throw new IllegalArgumentException("printer transport '" + uri
                    + "' has an unknown scheme; expected serial:, usblp: or tcp:");
        };
    }

    private static PrinterTransport serial(String uri, String rest) {
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
        return new SerialTransport(path, baud, rtsCts, DEFAULT_IO_TIMEOUT);
    }

    private static PrinterTransport tcp(String uri, String rest) {
        String hostPort = rest.startsWith("//") ? rest.substring(2) : rest;
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("printer transport '" + uri + "' needs a host and a port, e.g. tcp:192.168.1.50:9100");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = parseInt(uri, "port", hostPort.substring(colon + 1), 1, 65535);
        return new TcpTransport(host, port, DEFAULT_IO_TIMEOUT);
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
