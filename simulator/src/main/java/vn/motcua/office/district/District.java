package vn.motcua.office.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;

/**
 * The district stand-in: queues tickets from {@code ticket.issued}, lets counter officers call them, answers
 * dossier look-ups, tracks devices and computes the office's statistics from what the devices publish.
 */
public final class District {
    private static final int RECENT_CALLS = 8;

    private final OfficeTopics topics;
    private final ZoneId zone;
    private final Clock clock;
    private final Publisher publisher;
    private final DossierDesk dossiers;
    private final ServiceQueues queues = new ServiceQueues();
    private final Statistics statistics;
    private final Counters counters;
    private final DeviceRegistry devices = new DeviceRegistry();
    private final SeenEvents seen = new SeenEvents(100_000);
    private final Deque<ObjectNode> calls = new ArrayDeque<>();
    private volatile ObjectNode lastRefusal;

    public District(String office, ZoneId zone, Clock clock, Publisher publisher, DossierDesk dossiers) {
        this.topics = new OfficeTopics(office);
        this.zone = zone;
        this.clock = clock;
        this.publisher = publisher;
        this.dossiers = dossiers;
        this.statistics = new Statistics(clock, zone);
        this.counters = new Counters(clock, queues, statistics);
    }

    public OfficeTopics topics() {
        return topics;
    }

    /** Opens the day: every counter from 1 to {@code count} is published closed. */
    public void openCounters(int count) {
        for (int n = 1; n <= count; n++) {
            publish(counters.close(n));
        }
    }

    public Optional<Serving> callNext(int counter) {
        Optional<Serving> s = counters.callNext(counter);
        s.ifPresentOrElse(this::publish, () -> Logger.info("counter {} called next but nobody is waiting", counter));
        return s;
    }

    public Optional<Serving> recall(int counter) {
        Optional<Serving> s = counters.recall(counter);
        s.ifPresent(this::publish);
        return s;
    }

    public Serving close(int counter) {
        Serving s = counters.close(counter);
        publish(s);
        return s;
    }

    /** Takes one message from the office's topics. */
    public void handle(String topic, String payload) {
        JsonNode json;
        try {
            json = payload.isEmpty() ? Json.object() : Json.parse(payload);
        } catch (Exception e) {
            Logger.warn("ignoring a message on {} that is not JSON", topic);
            return;
        }
        if (topic.equals(topics.dossierRequest())) {
            answerDossier(json);
            return;
        }
        topics.device(topic).ifPresent(t -> {
            if (t.path().equals("state")) {
                devices.state(t.deviceId(), json);
            } else if (t.path().equals("telemetry")) {
                devices.telemetry(t.deviceId(), json);
            } else if (t.path().startsWith("event/")) {
                event(json);
            }
        });
    }

    /** Everything the panel shows of the district. */
    public ObjectNode snapshot() {
        ObjectNode out = Json.object();
        ObjectNode waiting = out.putObject("waiting");
        queues.waiting().forEach((service, list) -> list.forEach(waiting.withArray(service)::add));
        ObjectNode serving = out.putObject("serving");
        counters.serving().forEach((n, t) -> serving.put(String.valueOf(n), t));
        var recent = out.putArray("calls");
        synchronized (calls) {
            calls.forEach(c -> recent.add(c.deepCopy()));
        }
        out.set("statistics", statistics.snapshot());
        out.set("devices", devices.snapshot());
        out.set("lastRefusal", lastRefusal);
        return out;
    }

    public DeviceRegistry devices() {
        return devices;
    }

    public DossierDesk dossiers() {
        return dossiers;
    }

    private void event(JsonNode envelope) {
        String eventId = envelope.path("eventId").asText("");
        if (eventId.isEmpty() || !seen.firstTime(eventId)) {
            return;
        }
        JsonNode data = envelope.path("data");
        switch (envelope.path("type").asText("")) {
            case "ticket.issued" -> issued(data, instant(envelope.path("ts").asText()));
            case "rating.submitted" -> statistics.rated(data.path("counter").asInt(),
                    data.path("level").asText(), data.path("reason").isTextual() ? data.path("reason").asText() : null);
            case "ticket.refused" -> lastRefusal = Json.object().put("service", data.path("service").asText())
                    .put("reason", data.path("reason").asText()).put("ts", envelope.path("ts").asText());
            default -> { }
        }
    }

    private void issued(JsonNode data, Instant at) {
        LocalDate day;
        try {
            day = LocalDate.parse(data.path("businessDay").asText());
        } catch (DateTimeParseException e) {
            day = LocalDate.ofInstant(at, zone);
        }
        Ticket t = new Ticket(data.path("ticket").asText(), data.path("service").asText(),
                data.path("priority").asBoolean(false), at, day);
        queues.add(t);
        statistics.issued(t);
        Logger.info("ticket {} queued for service {} ({} waiting)", t.ticket(), t.service(), queues.size());
    }

    private void answerDossier(JsonNode request) {
        String deviceId = request.path("deviceId").asText("");
        if (deviceId.isEmpty()) {
            Logger.warn("dossier request without a deviceId; nobody to answer");
            return;
        }
        ObjectNode answer = dossiers.answer(request);
        publisher.publish(topics.dossierResponse(deviceId), Json.write(answer), false);
        Logger.info("answered dossier look-up {} from {}: found={}", answer.path("code").asText(), deviceId,
                answer.path("found").asBoolean());
    }

    private void publish(Serving s) {
        ObjectNode body = Json.object().put("counter", s.counter()).put("ticket", s.ticket())
                .put("ts", EventLog.TS.format(s.calledAt().atZone(zone)));
        if (!publisher.publish(topics.serving(s.counter()), Json.write(body), true)) {
            Logger.warn("could not publish serving at counter {} (broker unreachable); the panel shows it anyway", s.counter());
        }
        if (!s.closed()) {
            synchronized (calls) {
                calls.addFirst(body);
                while (calls.size() > RECENT_CALLS) {
                    calls.removeLast();
                }
            }
        }
    }

    private Instant instant(String ts) {
        try {
            return OffsetDateTime.parse(ts).toInstant();
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
