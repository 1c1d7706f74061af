package vn.motcua.kiosk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.common.uplink.MessageLink;

/** The district link in memory: records what is published, delivers what a test pushes, can be offline. */
public final class FakeLink implements MessageLink {
    /** One published message. */
    public record Published(String topic, String payload, int qos, boolean retained) {
    }

    private final Map<String, Consumer<InboundMessage>> handlers = new ConcurrentHashMap<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private volatile boolean online = true;

    public void setOnline(boolean value) {
        online = value;
    }

    public List<Published> published() {
        return new ArrayList<>(published);
    }

    /** Delivers a message to the handler subscribed with exactly this filter. */
    public void deliver(String filter, String topic, String payload) {
        handlers.get(filter).accept(new InboundMessage(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
    }

    @Override
    public void subscribe(String topicFilter, Consumer<InboundMessage> handler) {
        handlers.put(topicFilter, handler);
    }

    @Override
    public boolean publish(String topic, String payload, int qos, boolean retained) {
        if (!online) {
            return false;
        }
        published.add(new Published(topic, payload, qos, retained));
        return true;
    }

    @Override
    public void addConnectionListener(Consumer<Boolean> listener) {
    }
}
