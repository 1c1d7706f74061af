package vn.motcua.common.uplink;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.Socket;
import java.net.SocketOption;
import jdk.net.ExtendedSocketOptions;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.internal.TCPNetworkModule;
import org.tinylog.Logger;

/**
 * The broker's bytes with Linux's TCP_QUICKACK switched on again after every read, so the device acknowledges what it
 * receives at once instead of after the delayed-ACK timer.
 *
 * <p>Why: Mosquitto writes with Nagle's algorithm on (its {@code set_tcp_nodelay} defaults to false), so once it has
 * written a PUBACK it holds the next small packets (the following PUBACKs, the device's events coming back) until the
 * device acknowledges the first at the TCP level. A device whose publish window is full sends nothing to carry that
 * acknowledgement, and Linux delays a bare one by up to 40 ms: the drain stalled for 40 ms again and again (publish →
 * PUBACK p90 19-43 ms against 5-6 ms for a plain publisher, `docs/notes/i18-quickack.md`). The kernel leaves quick-ack
 * mode by itself, which is why it is set after each read; with the uplink's read buffer that is one system call per
 * buffer filled.
 *
 * <p>Paho 1.2.5 keeps the connection's socket in {@code TCPNetworkModule.socket} (also for ssl:// and ws://, whose
 * modules extend it); where it cannot be had, or the JVM or OS does not offer the option, the stream is used as it is.
 */
final class QuickAcks extends FilterInputStream {
    private static final SocketOption<Boolean> OPTION = option();
    private static final Field SOCKET = socketField();

    private final Socket socket;
    private boolean armed = true;

    private QuickAcks(InputStream in, Socket socket) {
        super(in);
        this.socket = socket;
    }

    /** {@code in} (the stream of {@code module}'s connection) re-arming quick acks, or {@code in} where it cannot. */
    static InputStream over(InputStream in, NetworkModule module) {
        Socket s = socketOf(module);
        if (s == null || OPTION == null || !s.supportedOptions().contains(OPTION)) {
            return in;
        }
        return new QuickAcks(in, s);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            rearm();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            rearm();
        }
        return n;
    }

    private void rearm() {
        if (!armed) {
            return;
        }
        try {
            socket.setOption(OPTION, true);
        } catch (IOException | RuntimeException e) {
            // a socket closed under the reader: its next read ends the connection anyway
            armed = false;
            Logger.debug("TCP_QUICKACK no longer set on this connection: {}", e.getMessage());
        }
    }

    private static Socket socketOf(NetworkModule module) {
        if (SOCKET == null || !(module instanceof TCPNetworkModule)) {
            return null;
        }
        try {
            return (Socket) SOCKET.get(module);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static SocketOption<Boolean> option() {
        try {
            return ExtendedSocketOptions.TCP_QUICKACK;
        } catch (LinkageError noJdkNet) {
            return null;
        }
    }

    private static Field socketField() {
        try {
            Field f = TCPNetworkModule.class.getDeclaredField("socket");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Logger.debug("Paho's TCP module has no reachable socket field ({}); TCP quick acks are not used", e.getMessage());
            return null;
        }
    }
}
