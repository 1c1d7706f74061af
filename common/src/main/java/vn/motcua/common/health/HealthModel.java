package vn.motcua.common.health;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.tinylog.Logger;

/**
 * The device's one health model: every component reports ok or a fault here; /health and telemetry's
 * hardware map are both read from it. A change is logged once, not on every poll.
 */
public final class HealthModel {
    /** Overall status of the device as /health reports it. */
    public enum Overall { OK, DEGRADED, FAULT }

    private final Map<String, ComponentStatus> components = new LinkedHashMap<>();
    private final List<BiConsumer<String, ComponentStatus>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> critical = new java.util.HashSet<>();
    private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();

    /** Registers a component with its first status; a critical component's fault makes the device FAULT. */
    public synchronized void register(String component, boolean isCritical, ComponentStatus initial) {
        components.put(component, initial);
        if (isCritical) {
            critical.add(component);
        }
    }

    /** Reports a component's status; listeners and the log hear of it only when it changed. */
    public void report(String component, ComponentStatus status) {
        ComponentStatus previous;
        synchronized (this) {
            previous = components.put(component, status);
        }
        if (status.equals(previous)) {
            return;
        }
        if (status.ok()) {
            if (previous != null) {
                Logger.info("{} recovered (was {})", component, previous.wire());
            }
        } else {
            Logger.warn("{} fault: {}", component, status.reason());
        }
        for (BiConsumer<String, ComponentStatus> l : listeners) {
            l.accept(component, status);
        }
    }

    public synchronized ComponentStatus status(String component) {
        return components.get(component);
    }

    /** A copy of every component's status, in registration order. */
    public synchronized Map<String, ComponentStatus> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public synchronized Overall overall() {
        Overall result = Overall.OK;
        for (Map.Entry<String, ComponentStatus> e : components.entrySet()) {
            if (!e.getValue().ok()) {
                if (critical.contains(e.getKey()) && e.getValue().blocking()) {
                    return Overall.FAULT;
                }
                result = Overall.DEGRADED;
            }
        }
        return result;
    }

    /** Listens to every status change (called on the reporting thread). */
    public void addListener(BiConsumer<String, ComponentStatus> listener) {
        listeners.add(listener);
    }

    /** A new heartbeat of one of {@code component}'s loops, which the runtime's watchdog then watches. */
    public Heartbeat heartbeat(String component, Duration deadline) {
        Heartbeat h = new Heartbeat(component, deadline, System::nanoTime);
        heartbeats.add(h);
        return h;
    }

    /** Every heartbeat made by {@link #heartbeat}. */
    public List<Heartbeat> heartbeats() {
        return List.copyOf(heartbeats);
    }
}
