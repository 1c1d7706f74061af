package vn.motcua.office.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;
import org.tinylog.Logger;

/** The office's own MQTT broker: Moquette on loopback, in memory, without Moquette's phone-home telemetry. */
public final class EmbeddedBroker {
    private final int port;
    private Server server;

    public EmbeddedBroker(int port) {
        this.port = port;
    }

    public void start() throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", String.valueOf(port));
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("netty.mqtt.message_size", String.valueOf(1024 * 1024));
        p.setProperty("immediate_buffer_flush", "true");
        server = new Server();
        server.startServer(new MemoryConfig(p));
        Logger.info("embedded MQTT broker listening on {}", uri());
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
            Logger.info("embedded MQTT broker stopped");
        }
    }
}
