package vn.motcua.common.uplink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.internal.NetworkModule;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho client that reads the broker's bytes through {@link InboundLimit}, so no inbound packet above the limit is
 * ever allocated (Paho 1.2.5 allocates a whole packet, up to 256 MB, before looking at it). Paho hands the stream of
 * each connection's network module (tcp://, ssl://, ws://) to its receiver; this client wraps that stream. A socket
 * factory cannot do it for ssl://, where Paho needs the socket to be the SSLSocket itself. Below the limit the bytes are
 * read through a buffer, with TCP quick acks re-armed after every read ({@link QuickAcks}). Its threads, keep-alive
 * pings included, come from its own {@link PahoThreads}, shut down when it is closed.
 */
final class LimitedMqttClient extends MqttAsyncClient {
    private static final int READ_BUFFER = 8192;
    private final int limit;
    private final long trickleNanos;
    private final PahoThreads threads;

    LimitedMqttClient(String uri, String clientId, int limit, int keepAliveSeconds) throws MqttException {
        this(uri, clientId, limit, keepAliveSeconds, new PahoThreads("mqtt-paho"));
    }

    private LimitedMqttClient(String uri, String clientId, int limit, int keepAliveSeconds, PahoThreads threads)
            throws MqttException {
        super(uri, clientId, new MemoryPersistence(), new ScheduledExecutorPingSender(threads), threads);
        this.limit = limit;
        this.trickleNanos = TimeUnit.SECONDS.toNanos(keepAliveSeconds) / 3;
        this.threads = threads;
    }

    @Override
    public void close(boolean force) throws MqttException {
        try {
            super.close(force);
        } finally {
            threads.shutdown();
        }
    }

    @Override
    protected NetworkModule[] createNetworkModules(String address, MqttConnectOptions options) throws MqttException {
        NetworkModule[] modules = super.createNetworkModules(address, options);
        for (int i = 0; i < modules.length; i++) {
            modules[i] = new Limited(modules[i]);
        }
        return modules;
    }

    private final class Limited implements NetworkModule {
        private final NetworkModule module;

        Limited(NetworkModule module) {
            this.module = module;
        }

        @Override
        public void start() throws IOException, MqttException {
            module.start();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            // one read of the socket takes every packet that has arrived (Paho and the limit read headers a byte at a time)
            InputStream socket = QuickAcks.over(module.getInputStream(), module);
            return new InboundLimit(new BufferedInputStream(socket, READ_BUFFER), limit, trickleNanos);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return module.getOutputStream();
        }

        @Override
        public void stop() throws IOException {
            module.stop();
        }

        @Override
        public String getServerURI() {
            return module.getServerURI();
        }
    }
}
