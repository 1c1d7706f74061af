package vn.motcua.common.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.json.Json;

/** Builds the telemetry document of SPEC section 4 from the kernel's state and the app's counters. */
public final class Telemetry {
    private final Clock clock;
    private final Instant startedAt;
    private final EventLog events;
    private final HealthModel health;
    private final LongSupplier configVersion;
    private final DeviceApp app;
    private final Supplier<Optional<String>> broker;

    Telemetry(Clock clock, EventLog events, HealthModel health, LongSupplier configVersion, DeviceApp app,
              Supplier<Optional<String>> broker) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.events = events;
        this.health = health;
        this.configVersion = configVersion;
        this.app = app;
        this.broker = broker;
    }

    public ObjectNode snapshot() {
        Instant now = clock.instant();
        EventLog.OutboxStatus outbox = events.outboxStatus();
        ObjectNode t = Json.object();
        t.put("ts", events.timestamp(now));
        t.put("uptimeSeconds", Math.max(0, now.getEpochSecond() - startedAt.getEpochSecond()));
        t.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        t.put("outboxDepth", outbox.depth());
        t.put("oldestUndeliveredSeconds", outbox.oldestUndeliveredSeconds());
        t.put("configVersion", configVersion.getAsLong());
        t.put("broker", broker.get().orElse(null));
        ObjectNode hardware = t.putObject("hardware");
        for (var e : health.snapshot().entrySet()) {
            ComponentStatus s = e.getValue();
            hardware.put(e.getKey(), s.wire());
        }
        app.contributeTelemetry(t);
        return t;
    }

    public String json() {
        return Json.write(snapshot());
    }
}
