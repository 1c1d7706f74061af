package vn.motcua.office.devices;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.coap.CoapReply;

/** Gives a started device its config as the district would: GET /config, and PUT with If-Match when it is older. */
public final class ConfigPusher {
    private static final int ATTEMPTS = 90;

    private final CoapLink coap;
    private final ScheduledExecutorService scheduler;

    public ConfigPusher(CoapLink coap, ScheduledExecutorService scheduler) {
        this.coap = coap;
        this.scheduler = scheduler;
    }

    /** Starts trying in the background, once a second, until the device answers (or 90 attempts pass). */
    public void push(DeviceSpec spec) {
        scheduler.schedule(() -> attempt(spec, 1), 1, TimeUnit.SECONDS);
    }

    private void attempt(DeviceSpec spec, int n) {
        if (!tryOnce(spec)) {
            if (n < ATTEMPTS) {
                scheduler.schedule(() -> attempt(spec, n + 1), 1, TimeUnit.SECONDS);
            } else {
                Logger.warn("{} never answered GET /config on CoAP port {}; it runs its default config",
                        spec.deviceId(), spec.coapPort());
            }
        }
    }

    /** True when done (config in place, or the device refused it for good); false to try again. */
    boolean tryOnce(DeviceSpec spec) {
        Optional<CoapReply> current = coap.get(spec.coapPort(), "config");
        if (current.isEmpty() || !current.get().success()) {
            return false;
        }
        long version = version(current.get());
        long wanted = spec.config().path("version").asLong();
        if (version >= wanted) {
            Logger.info("{} already runs config version {}", spec.deviceId(), version);
            return true;
        }
        Optional<CoapReply> put = coap.put(spec.coapPort(), "config", Json.write(spec.config()), current.get().etag());
        if (put.isEmpty()) {
            return false;
        }
        switch (put.get().code()) {
            case 204 -> {
                Logger.info("{} took config version {}", spec.deviceId(), wanted);
                return true;
            }
            case 412 -> {
                return false;
            }
            default -> {
                Logger.error("{} refused config version {} ({}): {}", spec.deviceId(), wanted, put.get().code(), put.get().text());
                return true;
            }
        }
    }

    private static long version(CoapReply reply) {
        try {
            JsonNode json = Json.parse(reply.text());
            return json.path("version").asLong(0);
        } catch (Exception e) {
            return reply.etag().isEmpty() ? 0 : Long.parseLong(reply.etag());
        }
    }
}
