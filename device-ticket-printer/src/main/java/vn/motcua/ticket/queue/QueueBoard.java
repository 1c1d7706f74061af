package vn.motcua.ticket.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * The latest queue report of each service from the district, told only while fresh: its time within {@link #FRESH}
 * of the device's clock (either way), so a ticket never carries a stale number.
 */
public final class QueueBoard {
    public static final Duration FRESH = Duration.ofMinutes(5);

    private final Clock clock;
    private final Map<String, QueueReport> latest = new ConcurrentHashMap<>();

    public QueueBoard(Clock clock) {
        this.clock = clock;
    }

    /** Takes a message from {@code queue/{topicService}}; one that is malformed or names another service is ignored. */
    public void accept(String topicService, String payload) {
        Optional<QueueReport> report = QueueReport.parse(payload).filter(r -> r.service().equals(topicService));
        if (report.isEmpty()) {
            Logger.warn("ignoring a queue message for service {} that is not a queue report: {}", topicService,
                    payload.length() > 200 ? payload.substring(0, 200) + "…" : payload);
            return;
        }
        latest.merge(topicService, report.get(), (kept, next) -> next.ts().isBefore(kept.ts()) ? kept : next);
    }

    /** The report of a service if it is fresh now. */
    public Optional<QueueReport> fresh(String service) {
        Instant now = clock.instant();
        return Optional.ofNullable(latest.get(service))
                .filter(r -> Duration.between(r.ts(), now).abs().compareTo(FRESH) <= 0);
    }
}
