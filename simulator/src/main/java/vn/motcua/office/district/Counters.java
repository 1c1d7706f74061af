package vn.motcua.office.district;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The counter officers' desk: call the next ticket, call the same one again, close the counter. */
public final class Counters {
    private final Clock clock;
    private final ServiceQueues queues;
    private final Statistics statistics;
    private final Map<Integer, Current> current = new TreeMap<>();

    private record Current(Ticket ticket, Instant calledAt) {
    }

    public Counters(Clock clock, ServiceQueues queues, Statistics statistics) {
        this.clock = clock;
        this.queues = queues;
        this.statistics = statistics;
    }

    /** Serves the next waiting ticket at this counter; empty (and nothing changes) when nobody is waiting. */
    public synchronized Optional<Serving> callNext(int counter) {
        Optional<Ticket> next = queues.next();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        finish(counter, now);
        Ticket t = next.get();
        statistics.called(Duration.between(t.issuedAt(), now));
        current.put(counter, new Current(t, now));
        return Optional.of(new Serving(counter, t.ticket(), now));
    }

    /** Calls the ticket being served again, with a new time; empty when the counter serves nobody. */
    public synchronized Optional<Serving> recall(int counter) {
        Current c = current.get(counter);
        if (c == null) {
            return Optional.empty();
        }
        return Optional.of(new Serving(counter, c.ticket().ticket(), clock.instant()));
    }

    /** Ends the service in progress and closes the counter. */
    public synchronized Serving close(int counter) {
        Instant now = clock.instant();
        finish(counter, now);
        return new Serving(counter, null, now);
    }

    /**
     * Closes a counter as the office opens after a restart: a ticket it was serving counts as served, without a
     * service time (the office was down for part of it).
     */
    public synchronized Serving reopen(int counter) {
        if (current.remove(counter) != null) {
            statistics.servedUntimed();
        }
        return new Serving(counter, null, clock.instant());
    }

    /** The ticket each counter serves now. */
    public synchronized Map<Integer, String> serving() {
        Map<Integer, String> out = new TreeMap<>();
        current.forEach((n, c) -> out.put(n, c.ticket().ticket()));
        return out;
    }

    private void finish(int counter, Instant now) {
        Current done = current.remove(counter);
        if (done != null) {
            statistics.served(Duration.between(done.calledAt(), now));
        }
    }
}
