package vn.motcua.common.uplink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * Messages from the broker waiting for their handlers, handled one at a time on the {@code mqtt-inbound} loop. The
 * queue is bounded in messages and bytes: when full the oldest waiting message is dropped, logged and counted, so a
 * flood never blocks Paho's thread nor fills the heap. A handler that throws loses only its message.
 */
final class InboundQueue {
    static final Duration QUIET_LIMIT = Duration.ofMinutes(1);
    private static final long POLL_MILLIS = 5000;

    private record Delivery(Consumer<InboundMessage> handler, InboundMessage message) {
        long bytes() {
            return message.payload().length + message.topic().length();
        }
    }

    private final int maxMessages;
    private final long maxBytes;
    private final Deque<Delivery> waiting = new ArrayDeque<>();
    private final LoopThread loop = new LoopThread("mqtt-inbound", QUIET_LIMIT, this::run);
    private long bytes;
    private long dropped;
    private volatile boolean running;

    InboundQueue(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    void start() {
        running = true;
        loop.start();
    }

    void stop() {
        running = false;
        synchronized (waiting) {
            waiting.clear();
            bytes = 0;
            waiting.notifyAll();
        }
    }

    /** Queues a message for its handler; never blocks. */
    void offer(Consumer<InboundMessage> handler, InboundMessage message) {
        Delivery d = new Delivery(handler, message);
        synchronized (waiting) {
            waiting.addLast(d);
            bytes += d.bytes();
            while (waiting.size() > maxMessages || bytes > maxBytes && waiting.size() > 1) {
                Delivery old = waiting.removeFirst();
                bytes -= old.bytes();
                dropped++;
                if (dropped == 1 || dropped % 1000 == 0) {
                    Logger.warn("inbound MQTT messages come faster than they are handled; dropped the oldest waiting one "
                            + "(on {}), {} dropped since start", old.message().topic(), dropped);
                }
            }
            waiting.notifyAll();
        }
    }

    long dropped() {
        synchronized (waiting) {
            return dropped;
        }
    }

    LoopStatus status() {
        return loop.status();
    }

    private void run() {
        while (running) {
            loop.beat();
            Delivery next = take();
            if (next == null) {
                continue;
            }
            try {
                next.handler().accept(next.message());
            } catch (RuntimeException e) {
                Logger.error(e, "handling a message on {} failed; the message is dropped", next.message().topic());
            }
        }
    }

    private Delivery take() {
        synchronized (waiting) {
            if (waiting.isEmpty() && running) {
                try {
                    waiting.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    running = false;
                    return null;
                }
            }
            Delivery d = waiting.pollFirst();
            if (d != null) {
                bytes -= d.bytes();
            }
            return d;
        }
    }
}
