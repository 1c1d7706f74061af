package vn.motcua.common.testing;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The embedded Moquette broker on a loopback port, as the simulator runs it. */
public final class MoquetteBroker implements AutoCloseable {
    private final int port;
    private Server server;

    public MoquetteBroker() {
        this(FreePorts.tcp());
    }

    public MoquetteBroker(int port) {
        this.port = port;
    }

    public MoquetteBroker start() {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", String.valueOf(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.mqtt.message_size", String.valueOf(1 << 20));
        p.setProperty("immediate_buffer_flush", "true");
        server = new Server();
        try {
            server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
