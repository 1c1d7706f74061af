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
final class BrokerSubscription implements AutoCloseable {
    /** One received message. */
    record Message(String topic, byte[] payload) {
    }

    private final MqttClient client;

    private BrokerSubscription(MqttClient client) {
        this.client = client;
    }

    static BrokerSubscription open(String broker, String username, char[] password, String filter,
                                   Consumer<Message> sink) throws CtlException {
        try {
            MqttClient client = new MqttClient(broker, "motcua-ctl-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            client.setCallback(new MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                    if (reconnect) {
                        try {
                            client.subscribe(filter, 1);
                        } catch (MqttException e) {
                            Logger.warn("subscribing again to {} failed: {}; waiting for the next reconnect", filter, e.getMessage());
                        }
                    }
                }

                @Override
                public void connectionLost(Throwable cause) {
                    Logger.warn("lost the broker {}: {}; reconnecting", serverUri(client), cause.getMessage());
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    sink.accept(new Message(topic, message.getPayload()));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                    // this client publishes nothing
                }
            });
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
            client.connect(options);
            client.subscribe(filter, 1);
            return new BrokerSubscription(client);
        } catch (MqttException e) {
            throw new CtlException(ExitCodes.UNREACHABLE, "cannot subscribe at " + broker + ": " + e.getMessage());
        }
    }

    private static String serverUri(MqttClient client) {
        return client.getServerURI();
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
