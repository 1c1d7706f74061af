package vn.motcua.office.district;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
    /** The kinds of journal entries: a device event counted, and the officers' actions at a counter. */
    private static final String EVENT = "event";
    private static final String CALL = "call";
    private static final String RECALL = "recall";
    private static final String CLOSE = "close";
    /** A counter that served someone when the office stopped, closed as the office opens again. */
    private static final String REOPEN = "reopen";

    private final OfficeTopics topics;
    private final ZoneId zone;
    private final ReplayClock clock;
    private final Publisher publisher;
    private final DossierDesk dossiers;
    private final ServiceQueues queues = new ServiceQueues();
    private final Statistics statistics;
    private final Counters counters;
    private final DeviceRegistry devices = new DeviceRegistry();
    private final SeenEvents seen = new SeenEvents(100_000);
    private final Deque<ObjectNode> calls = new ArrayDeque<>();
    private volatile ObjectNode lastRefusal;
    /** Held while a change is applied and journaled, so the journal's order is the order the changes were made in. */
    private final Object changes = new Object();
    private volatile Journal journal;
    private volatile boolean replaying;

    public District(String office, ZoneId zone, Clock clock, Publisher publisher, DossierDesk dossiers) {
        this.topics = new OfficeTopics(office);
        this.zone = zone;
        this.clock = new ReplayClock(clock);
        this.publisher = publisher;
        this.dossiers = dossiers;
        this.statistics = new Statistics(this.clock, zone);
        this.counters = new Counters(this.clock, queues, statistics);
    }

    /**
     * Rebuilds today from {@code journal} (queues, counters, statistics, recent calls, the events already counted)
     * without publishing anything, then journals every later change there.
     */
    public void restoreFrom(Journal journal) {
        List<Journal.Entry> entries = journal.day(LocalDate.ofInstant(clock.instant(), zone));
        synchronized (changes) {
            replaying = true;
            try {
                for (Journal.Entry e : entries) {
                    clock.pin(e.at());
                    switch (e.kind()) {
                        case EVENT -> event(e.body());
                        case CALL, RECALL, CLOSE, REOPEN -> atCounter(e.kind(), e.body().path("counter").asInt());
                        default -> Logger.warn("district journal: unknown entry kind {}", e.kind());
                    }
                }
            } finally {
                clock.unpin();
                replaying = false;
            }
            this.journal = journal;
        }
        if (!entries.isEmpty()) {
            Logger.info("district rebuilt today from {} journal entries: {} waiting, {} ratings", entries.size(),
                    queues.size(), statistics.snapshot().at("/ratings/overall/count").asInt());
        }
    }

    public OfficeTopics topics() {
        return topics;
    }

    /**
     * Opens the day: every counter from 1 to {@code count} is published closed. A counter the journal left serving
     * (the office stopped mid-service) is closed as a journaled change, so its ticket counts as served once and a
     * later restart rebuilds the same figures.
     */
    public void openCounters(int count) {
        for (int n = 1; n <= count; n++) {
            if (counters.serving().containsKey(n)) {
                atCounter(REOPEN, n);
            } else {
                publish(counters.close(n));
            }
        }
        publishQueues();
    }

    public Optional<Serving> callNext(int counter) {
        Optional<Serving> s = atCounter(CALL, counter);
        if (s.isEmpty()) {
            Logger.info("counter {} called next but nobody is waiting", counter);
        }
        return s;
    }

    public Optional<Serving> recall(int counter) {
        return atCounter(RECALL, counter);
    }

    public Serving close(int counter) {
        return atCounter(CLOSE, counter).orElseThrow();
    }

    /**
     * An officer's action ({@link #CALL}, {@link #RECALL}, {@link #CLOSE}), or the office's {@link #REOPEN}, at a
     * counter: applied and journaled under one lock when it changed something, then published. The journal's replay
     * comes through here too.
     */
    private Optional<Serving> atCounter(String action, int counter) {
        Optional<Serving> s;
        synchronized (changes) {
            s = switch (action) {
                case CALL -> counters.callNext(counter);
                case RECALL -> counters.recall(counter);
                case CLOSE -> Optional.of(counters.close(counter));
                case REOPEN -> Optional.of(counters.reopen(counter));
                default -> throw new IllegalArgumentException("no counter action " + action);
            };
            s.ifPresent(serving -> journal(action, Json.object().put("counter", counter)));
        }
        s.ifPresent(this::publish);
        if (s.isPresent() && action.equals(CALL)) {
            publishQueues();
        }
        return s;
    }

    /**
     * Publishes every service's queue retained on {@code queue/{service}} (SPEC section 4, v1.1): how many wait and
     * the average service time per ticket for the office (one counter's average divided by the counters serving), so
     * a ticket printer can print the people ahead and an estimated wait. Done on every change and on each connect.
     */
    public void publishQueues() {
        if (replaying) {
            return;
        }
        String ts = EventLog.TS.format(clock.instant().atZone(zone));
        double perCounter = statistics.snapshot().path("averageServiceSeconds").asDouble(0);
        long perTicket = Math.round(perCounter / Math.max(1, counters.serving().size()));
        queues.waiting().forEach((service, list) -> {
            ObjectNode body = Json.object().put("service", service).put("waiting", list.size())
                    .put("avgServiceSeconds", perTicket).put("ts", ts);
            if (!publisher.publish(topics.queue(service), Json.write(body), true)) {
                Logger.warn("could not publish the queue of service {} (broker unreachable); published again at the next change",
                        service);
            }
        });
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
                boolean changed;
                synchronized (changes) {
                    changed = event(json);
                    if (changed) {
                        journal(EVENT, (ObjectNode) json);
                    }
                }
                if (changed && json.path("type").asText().equals("ticket.issued")) {
                    publishQueues();
                }
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
        out.set("headline", headline(recent, serving));
        ObjectNode figures = statistics.snapshot();
        figures.put("inService", serving.size());
        out.set("statistics", figures);
        out.set("devices", devices.snapshot());
        out.set("lastRefusal", lastRefusal);
        return out;
    }

    /**
     * The call the hall shows large: the newest call whose counter still serves that ticket; null when no counter
     * serves anyone (after a restart, or once the called counters closed).
     */
    private static JsonNode headline(JsonNode recentCalls, JsonNode serving) {
        for (JsonNode call : recentCalls) {
            if (call.path("ticket").asText().equals(serving.path(call.path("counter").asText()).asText(null))) {
                return call;
            }
        }
        return NullNode.getInstance();
    }

    public DeviceRegistry devices() {
        return devices;
    }

    public DossierDesk dossiers() {
        return dossiers;
    }

    /** Applies a device event seen for the first time; true when it changed what the district knows. */
    private boolean event(JsonNode envelope) {
        String eventId = envelope.path("eventId").asText("");
        if (eventId.isEmpty() || !seen.firstTime(eventId)) {
            return false;
        }
        JsonNode data = envelope.path("data");
        switch (envelope.path("type").asText("")) {
            case "ticket.issued" -> {
                lastRefusal = null;
                issued(data, instant(envelope.path("ts").asText()));
            }
            case "rating.submitted" -> statistics.rated(data.path("counter").asInt(),
                    data.path("ticket").isTextual() ? data.path("ticket").asText() : null, data.path("level").asText(),
                    data.path("reason").isTextual() ? data.path("reason").asText() : null);
            case "ticket.refused" -> lastRefusal = Json.object().put("service", data.path("service").asText())
                    .put("reason", data.path("reason").asText()).put("ts", envelope.path("ts").asText());
            case "printer.fault", "printer.recovered" -> {
                // a refusal answers the press made in the condition it names; once that condition ends it is old news
                boolean had = lastRefusal != null;
                lastRefusal = null;
                return had;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void journal(String kind, ObjectNode body) {
        Journal j = journal;
        if (j == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            j.append(LocalDate.ofInstant(now, zone), new Journal.Entry(now, kind, body));
        } catch (RuntimeException e) {
            Logger.error("district journal: could not write a {} ({}); a restart would not see it", kind, e.getMessage());
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
        if (replaying) {
            return;
        }
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
        if (!replaying && !publisher.publish(topics.serving(s.counter()), Json.write(body), true)) {
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

    /** The district's clock; while the journal is replayed it stands at each entry's time. */
    private static final class ReplayClock extends Clock {
        private final Clock base;
        private volatile Instant pinned;

        ReplayClock(Clock base) {
            this.base = base;
        }

        void pin(Instant at) {
            pinned = at;
        }

        void unpin() {
            pinned = null;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId z) {
            return base.withZone(z);
        }

        @Override
        public Instant instant() {
            Instant p = pinned;
            return p != null ? p : base.instant();
        }
    }
}
