package vn.motcua.office.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tinylog.Logger;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.json.Json;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.coap.CoapReply;
import vn.motcua.office.devices.DeviceSpec;
import vn.motcua.office.devices.OfficePlan;

/**
 * Reads each device over CoAP about once a second: health, its release and update state ({@code GET /update}), and its
 * simulated hardware: display, LEDs, printer, announcements.
 */
public final class DevicePoller {
    private static final long PERIOD_MILLIS = 1000;

    private final CoapLink coap;
    private final List<DeviceSpec> devices;
    private final Map<String, ObjectNode> views = new ConcurrentHashMap<>();
    private final PrinterOutput printer;
    private final AtomicLong printerBusyUntil = new AtomicLong();
    private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    public DevicePoller(CoapLink coap, List<DeviceSpec> devices) {
        this.coap = coap;
        this.devices = List.copyOf(devices);
        this.printer = new PrinterOutput(coap);
    }

    /** Starts polling on threads of its own, so a device that does not answer never delays the panel. */
    public void start() {
        scheduler = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "device-poll");
            t.setDaemon(true);
            return t;
        });
        long offset = 0;
        for (DeviceSpec d : devices) {
            tasks.add(scheduler.scheduleWithFixedDelay(() -> poll(d), 500 + offset, PERIOD_MILLIS, TimeUnit.MILLISECONDS));
            offset += 50;
        }
    }

    public void stop() {
        tasks.forEach(t -> t.cancel(false));
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** What the panel last saw of each device, by id. */
    public ObjectNode snapshot() {
        ObjectNode out = Json.object();
        devices.forEach(d -> out.set(d.deviceId(), views.getOrDefault(d.deviceId(), Json.object().put("reachable", false))));
        return out;
    }

    public PrinterOutput printer() {
        return printer;
    }

    /** A button was pressed on the printer: its printed documents are read on every poll for a while. */
    public void printerPressed() {
        printerBusyUntil.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    }

    private void poll(DeviceSpec d) {
        try {
            ObjectNode view = Json.object();
            Optional<JsonNode> health = json(d, "health");
            view.put("reachable", health.isPresent());
            if (health.isPresent()) {
                view.set("health", health.get());
                json(d, "update").ifPresent(j -> view.set("update", j));
                json(d, "sim/display").ifPresent(j -> view.set("lines", j.path("lines")));
                json(d, "sim/leds").ifPresent(j -> view.set("leds", j));
                if (d.kind() == DeviceKind.TICKET_PRINTER) {
                    boolean busy = System.nanoTime() < printerBusyUntil.get();
                    printer.refresh(d.coapPort(), busy);
                    view.set("printer", printer.view());
                }
                if (d.deviceId().equals(OfficePlan.HALL_KIOSK)) {
                    json(d, "sim/announcements").ifPresent(j -> view.set("announcements", j.path("announcements")));
                }
            }
            views.put(d.deviceId(), view);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Logger.warn("polling {} failed: {}", d.deviceId(), e.getMessage());
        }
    }

    private Optional<JsonNode> json(DeviceSpec d, String path) {
        return coap.get(d.coapPort(), path).filter(CoapReply::success).flatMap(r -> {
            try {
                return Optional.of(Json.parse(r.text()));
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }
}
