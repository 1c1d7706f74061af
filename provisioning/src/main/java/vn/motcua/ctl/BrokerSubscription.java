package vn.motcua.ctl;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttException;
import vn.motcua.district.BrokerLink;

/** A subscriber to one topic filter with a throw-away client id; connects and subscribes again after every loss. */
final class BrokerSubscription implements AutoCloseable {
    /** One received message. */
    record Message(String topic, byte[] payload) {
    }

    private final BrokerLink link;

    private BrokerSubscription(BrokerLink link) {
        this.link = link;
    }

    /** Connects and subscribes; a broker that cannot be reached or refuses the login is exit 3. */
    static BrokerSubscription open(String broker, String username, char[] password, String filter,
                                   Consumer<Message> sink) throws CtlException {
        BrokerLink link;
        try {
            link = new BrokerLink(new BrokerLink.Settings(broker, "motcua-ctl-" + UUID.randomUUID().toString().substring(0, 8),
                    filter, false, username, password, Duration.ofSeconds(2)),
                    (topic, payload, retained) -> sink.accept(new Message(topic, payload)));
        } catch (IllegalArgumentException e) {
            throw new CtlException(ExitCodes.USAGE, "--broker " + broker + ": " + e.getMessage());
        }
        try {
            link.connect();
        } catch (MqttException e) {
            link.close();
            throw new CtlException(ExitCodes.UNREACHABLE, "cannot subscribe at " + broker + ": " + e.getMessage());
        }
        link.keepConnected();
        return new BrokerSubscription(link);
    }

    @Override
    public void close() {
        link.close();
    }
}
