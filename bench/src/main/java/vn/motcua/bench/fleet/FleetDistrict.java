package vn.motcua.bench.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.motcua.district.BrokerLink;

/**
 * The district's side of the fleet: one subscriber on every device's events with a persistent session (as a real
 * consumer keeps), counting per device the distinct seqs, the duplicates and any seq that came after a higher one.
 */
final class FleetDistrict implements AutoCloseable {
    private final BrokerLink link;
    private final Map<String, Seen> devices = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    private static final class Seen {
        final BitSet seqs = new BitSet();
        long highest;
        long duplicates;
        long outOfOrder;
    }

    FleetDistrict(String uri) {
        link = new BrokerLink(new BrokerLink.Settings(uri, "fleet-district", "motcua/v1/" + FleetDevice.OFFICE + "/+/event/#",
                true, null, null, Duration.ofMillis(500)), (topic, payload, retained) -> take(payload));
        link.keepConnected();
    }

    boolean connected() {
        return link.connected();
    }

    /** Reads {@code "eventId":"{deviceId}:{stateId}:{seq}"} without a JSON parser: the district must keep up. */
    private void take(byte[] payload) {
        received.incrementAndGet();
        String text = new String(payload, StandardCharsets.UTF_8);
        int start = text.indexOf("\"eventId\":\"") + 11;
        int end = text.indexOf('"', start);
        String eventId = text.substring(start, end);
        String deviceId = eventId.substring(0, eventId.indexOf(':'));
        int seq = Integer.parseInt(eventId.substring(eventId.lastIndexOf(':') + 1));
        Seen s = devices.computeIfAbsent(deviceId, d -> new Seen());
        synchronized (s) {
            if (s.seqs.get(seq)) {
                s.duplicates++;
            } else {
                s.seqs.set(seq);
                if (seq < s.highest) {
                    s.outOfOrder++;
                }
                s.highest = Math.max(s.highest, seq);
            }
        }
    }

    long received() {
        return received.get();
    }

    /** Whether every seq from 1 to {@code upTo} of this device has arrived. */
    boolean hasAll(String deviceId, long upTo) {
        Seen s = devices.get(deviceId);
        if (s == null) {
            return upTo == 0;
        }
        synchronized (s) {
            return s.seqs.nextClearBit(1) > upTo;
        }
    }

    long distinct() {
        return devices.values().stream().mapToLong(s -> {
            synchronized (s) {
                return s.seqs.cardinality();
            }
        }).sum();
    }

    long duplicates() {
        return devices.values().stream().mapToLong(s -> {
            synchronized (s) {
                return s.duplicates;
            }
        }).sum();
    }

    long outOfOrder() {
        return devices.values().stream().mapToLong(s -> {
            synchronized (s) {
                return s.outOfOrder;
            }
        }).sum();
    }

    @Override
    public void close() {
        link.close();
    }
}
