package vn.motcua.ctl;

import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

/** A Paho subscriber to one topic filter with a throw-away client id; subscribes again after every reconnect. */
final class BrokerSubscription implements AutoCloseable, MqttCallbackExtended {
    /** One received message. */
    record Message(String topic, byte[] payload) {
    }

    private final MqttClient client;
    private final String filter;
    private final Consumer<Message> sink;

    private BrokerSubscription(MqttClient client, String filter, Consumer<Message> sink) {
        this.client = client;
        this.filter = filter;
        this.sink = sink;
    }

    /** Connects and subscribes; a broker that cannot be reached or refuses the login is exit 3. */
    static BrokerSubscription open(String broker, String username, char[] password, String filter,
                                   Consumer<Message> sink) throws CtlException {
        MqttClient client;
        try {
            client = new MqttClient(broker, "motcua-ctl-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new CtlException(ExitCodes.USAGE, "--broker " + broker + ": " + e.getMessage());
        }
        BrokerSubscription subscription = new BrokerSubscription(client, filter, sink);
        client.setCallback(subscription);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(15);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password);
        }
        try {
            client.connect(options);
            client.subscribe(filter, 1);
            return subscription;
        } catch (MqttException e) {
            subscription.close();
            throw new CtlException(ExitCodes.UNREACHABLE, "cannot subscribe at " + broker + ": " + e.getMessage());
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (!reconnect) {
            return;
        }
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            Logger.warn("subscribing again to {} failed: {}; waiting for the next reconnect", filter, e.getMessage());
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        Logger.warn("lost the broker {}: {}; reconnecting", client.getServerURI(), cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        sink.accept(new Message(topic, message.getPayload()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this client publishes nothing
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close();
        } catch (MqttException e) {
            Logger.warn("closing the MQTT connection failed: {}", e.getMessage());
        }
    }
}
