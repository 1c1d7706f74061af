package vn.motcua.office.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.tinylog.Logger;
import vn.motcua.district.BrokerLink;
import vn.motcua.office.district.Publisher;

/**
 * The district stand-in's MQTT connection: keeps trying until the broker answers and connects again after every
 * loss ({@link BrokerLink}), with a session the broker keeps.
 */
public final class DistrictLink implements Publisher {
    private final BrokerLink link;

    /**
     * Subscribes {@code filter} and hands every message (topic, UTF-8 text) to {@code inbound}; {@code firstConnect}
     * runs once, after the first connect, and {@code reconnect} after every later one.
     */
    public DistrictLink(String uri, String filter, BiConsumer<String, String> inbound, Runnable firstConnect,
                        Runnable reconnect) {
        // a persistent session: the broker keeps what the devices publish while the district is away (a broker restart
        // reconnects the devices and the district in either order), as the district's real consumers do
        link = new BrokerLink(new BrokerLink.Settings(uri, "district-stand-in", filter, true, null, null, Duration.ofSeconds(2)),
                new BrokerLink.Listener() {
                    @Override
                    public void message(String topic, byte[] payload, boolean retained) {
                        try {
                            inbound.accept(topic, new String(payload, StandardCharsets.UTF_8));
                        } catch (RuntimeException e) {
                            Logger.error(e, "district failed on a message on {}; it is dropped", topic);
                        }
                    }

                    @Override
                    public void connected(boolean first) {
                        Logger.info("district stand-in connected to {} and listening on {}", uri, filter);
                        try {
                            (first ? firstConnect : reconnect).run();
                        } catch (RuntimeException e) {
                            Logger.error(e, "district failed to publish its state after a connect; it goes on");
                        }
                    }
                });
    }

    public void start() {
        link.keepConnected();
    }

    @Override
    public boolean publish(String topic, String payload, boolean retained) {
        if (!link.connected()) {
            return false;
        }
        try {
            link.publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
            return true;
        } catch (MqttException e) {
            Logger.warn("district could not publish to {}: {}", topic, e.getMessage());
            return false;
        }
    }

    public boolean connected() {
        return link.connected();
    }

    public void stop() {
        link.close();
    }
}
