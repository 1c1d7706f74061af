package vn.motcua.kiosk.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.common.uplink.MessageLink;
import vn.motcua.kiosk.dossier.DossierAnswer.Result;
import vn.motcua.kiosk.scanner.DossierCodes;

/**
 * Asks the district about a dossier code (SPEC section 4): an invalid code is never sent; a valid one is published
 * on {@code dossier/request} and its answer awaited on {@code R/dossier/response} for 5 s, after which (or at once
 * when offline) the look-up is unavailable. Every outcome goes to the listener.
 */
public final class DossierLookup implements DossierRequests {
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_PENDING = 20;

    private final DossierRoute route;
    private final MessageLink link;
    private final ScheduledExecutorService scheduler;
    private final Consumer<DossierAnswer> listener;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile Pattern pattern = DossierCodes.DEFAULT_PATTERN;

    private record Pending(String code, ScheduledFuture<?> timeout) {
    }

    public DossierLookup(DossierRoute route, MessageLink link, ScheduledExecutorService scheduler,
                         Consumer<DossierAnswer> listener) {
        this.route = route;
        this.link = link;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Subscribes to the device's answers; call once at start. */
    public void start() {
        link.subscribe(route.responseTopic(), this::onResponse);
    }

    public void setPattern(Pattern codePattern) {
        pattern = codePattern;
    }

    /** Looks a scanned code up; returns at once, the outcome follows through the listener. */
    @Override
    public void lookUp(String code) {
        if (!DossierCodes.validate(code, pattern)) {
            Logger.info("scanned code is not a dossier code; showing it as invalid, not sending it");
            listener.accept(DossierAnswer.of(code, Result.INVALID));
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            Logger.warn("{} dossier look-ups already waiting; answering this one as unavailable", pending.size());
            listener.accept(DossierAnswer.of(code, Result.UNAVAILABLE));
            return;
        }
        String requestId = UUID.randomUUID().toString();
        listener.accept(DossierAnswer.of(code, Result.PENDING));
        ScheduledFuture<?> timeout = scheduler.schedule(() -> expire(requestId), ANSWER_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        pending.put(requestId, new Pending(code, timeout));
        String body = Json.write(Json.object().put("requestId", requestId).put("deviceId", route.deviceId())
                .put("code", code));
        if (!link.publish(route.requestTopic(), body, 1, false)) {
            Logger.info("dossier look-up {} cannot be sent: MQTT is offline; the screen says it is unavailable", requestId);
            timeout.cancel(false);
            expire(requestId);
        }
    }

    /** Look-ups sent and not answered yet. */
    public int waiting() {
        return pending.size();
    }

    private void expire(String requestId) {
        Pending p = pending.remove(requestId);
        if (p != null) {
            Logger.info("no answer to dossier look-up {} within {} s; the screen says it is unavailable",
                    requestId, ANSWER_TIMEOUT.toSeconds());
            listener.accept(DossierAnswer.of(p.code(), Result.UNAVAILABLE));
        }
    }

    private void onResponse(InboundMessage message) {
        JsonNode body;
        try {
            body = Json.parse(message.text());
        } catch (Exception e) {
            Logger.warn("dossier answer is not JSON; ignoring it");
            return;
        }
        Pending p = pending.remove(body.path("requestId").asText(""));
        if (p == null) {
            Logger.info("dossier answer for an unknown or expired request; ignoring it");
            return;
        }
        p.timeout().cancel(false);
        boolean found = body.path("found").asBoolean(false);
        listener.accept(found
                ? new DossierAnswer(p.code(), Result.FOUND, text(body, "status", 40), text(body, "statusText", 500))
                : DossierAnswer.of(p.code(), Result.NOT_FOUND));
    }

    private static String text(JsonNode body, String field, int max) {
        String s = body.path(field).isTextual() ? body.path(field).asText().replaceAll("\\p{Cc}", " ").strip() : "";
        return s.length() > max ? s.substring(0, max) : s;
    }
}
