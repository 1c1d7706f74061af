package vn.motcua.ctl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.exception.ConnectorException;
import vn.motcua.common.management.CoapSettings;
import vn.motcua.district.CoapClients;

/**
 * One CoAP endpoint (coaps with the PSK, or plain on loopback) for the requests of one command. Closing it ends the
 * DTLS session with close_notify, also when the command fails or the JVM is stopped (Ctrl-C), so the device's
 * session slot is free at once.
 */
final class DeviceConnection implements AutoCloseable {
    private final DeviceTarget target;
    private final CoapEndpoint endpoint;
    private final long timeoutMillis;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread onExit = new Thread(this::end, "motcua-ctl-close-session");

    private DeviceConnection(DeviceTarget target, CoapEndpoint endpoint, long timeoutMillis) {
        this.target = target;
        this.endpoint = endpoint;
        this.timeoutMillis = timeoutMillis;
    }

    static DeviceConnection open(DeviceTarget target, long timeoutMillis) {
        return open(target, timeoutMillis, CoapSettings.forClient());
    }

    /** A connection with the given Californium configuration (e.g. {@link CoapSettings#forBlockSender()}). */
    static DeviceConnection open(DeviceTarget target, long timeoutMillis, Configuration config) {
        CoapEndpoint endpoint = target.secure()
                ? CoapClients.dtlsEndpoint(config, target.pskIdentity(), target.psk())
                : CoapClients.plainEndpoint(config);
        DeviceConnection connection = new DeviceConnection(target, endpoint, timeoutMillis);
        Runtime.getRuntime().addShutdownHook(connection.onExit);
        return connection;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /** A client for a path such as {@code /events?after=3}. */
    CoapClient client(String path) {
        CoapClient client = CoapClients.client(target.base() + path, endpoint);
        client.setTimeout(timeoutMillis);
        return client;
    }

    /** Sends the request and waits for the answer; no answer at all is exit 3. */
    CoapResponse send(Request request, String path) throws CtlException {
        CoapClient client = client(path);
        try {
            CoapResponse response = client.advanced(request);
            if (response == null) {
                throw noAnswer(path, request.getSendError());
            }
            return response;
        } catch (ConnectorException | IOException e) {
            throw noAnswer(path, e);
        } finally {
            client.shutdown();
        }
    }

    CtlException noAnswer(String path, Throwable cause) {
        String why = cause == null ? "no answer within " + timeoutMillis / 1000 + " s" : cause.getMessage();
        String hint = target.secure() ? "is the device on, the address right and the PSK the device's?" : "is the device running?";
        return new CtlException(ExitCodes.UNREACHABLE, target.base() + path + ": " + why + " (" + hint + ")");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook ends the session
        }
        end();
    }

    private void end() {
        if (closed.compareAndSet(false, true)) {
            URI base = URI.create(target.base());
            CoapClients.close(endpoint, new InetSocketAddress(base.getHost().replaceAll("^\\[|\\]$", ""), base.getPort()));
        }
    }
}
