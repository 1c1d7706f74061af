package vn.motcua.office.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;
import vn.motcua.office.district.Publisher;

/** The district stand-in's MQTT client (Paho): keeps trying until the broker answers, then reconnects by itself. */
public final class DistrictLink implements Publisher {
    private final String uri;
    private final String filter;
    private final BiConsumer<String, String> inbound;
    private final Runnable firstConnect;
    private volatile boolean running;
    private volatile boolean everConnected;
    private MqttAsyncClient client;
    private Thread connector;

    /** Subscribes {@code filter} and hands every message (topic, UTF-8 text) to {@code inbound}. */
    public DistrictLink(String uri, String filter, BiConsumer<String, String> inbound, Runnable firstConnect) {
        this.uri = uri;
        this.filter = filter;
        this.inbound = inbound;
        this.firstConnect = firstConnect;
    }

    public void start() throws MqttException {
        running = true;
        client = new MqttAsyncClient(uri, "district-stand-in", new MemoryPersistence());
        client.setCallback(new Callback());
        connector = new Thread(this::connectLoop, "district-connect");
        connector.setDaemon(true);
        connector.start();
    }

    @Override
    public boolean publish(String topic, String payload, boolean retained) {
        if (client == null || !client.isConnected()) {
            return false;
        }
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
            return true;
        } catch (MqttException e) {
            Logger.warn("district could not publish to {}: {}", topic, e.getMessage());
            return false;
        }
    }

    public boolean connected() {
        return client != null && client.isConnected();
    }

    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            Logger.debug("closing the district's MQTT client: {}", e.getMessage());
        }
    }

    private void connectLoop() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(5000);
        o.setKeepAliveInterval(15);
        o.setMaxInflight(1000);
        boolean warned = false;
        while (running && !client.isConnected()) {
            try {
                client.connect(o).waitForCompletion(10_000);
            } catch (MqttException e) {
                if (!warned) {
                    Logger.warn("district cannot reach the broker {} ({}); retrying every 2 s", uri, e.getMessage());
                    warned = true;
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(filter, 1);
            } catch (MqttException e) {
                Logger.error("district could not subscribe to {}: {}", filter, e.getMessage());
            }
            Logger.info("district stand-in connected to {} and listening on {}", serverUri, filter);
            if (!everConnected) {
                everConnected = true;
                firstConnect.run();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            Logger.warn("district lost the broker ({}); Paho reconnects", cause == null ? "?" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                inbound.accept(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                Logger.error(e, "district failed on a message on {}; it is dropped", topic);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 acknowledgements need no action here
        }
    }
}
