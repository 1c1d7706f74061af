package vn.motcua.office.district;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The waiting tickets, one first-come-first-served queue per service; priority tickets are called first. */
public final class ServiceQueues {
    private final Map<String, Deque<Ticket>> queues = new TreeMap<>();

    /** Puts a newly issued ticket at the end of its service's queue. */
    public synchronized void add(Ticket t) {
        queues.computeIfAbsent(t.service(), s -> new ArrayDeque<>()).addLast(t);
    }

    /** Takes the ticket to call next: the oldest priority ticket, else the oldest ticket of any service. */
    public synchronized Optional<Ticket> next() {
        Comparator<Ticket> order = Comparator.comparing((Ticket t) -> !t.priority()).thenComparing(Ticket::issuedAt);
        Optional<Ticket> best = queues.values().stream().flatMap(Deque::stream).min(order);
        best.ifPresent(t -> queues.get(t.service()).remove(t));
        return best;
    }

    /** The waiting tickets of each service, oldest first. */
    public synchronized Map<String, List<String>> waiting() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        queues.forEach((service, q) -> out.put(service, q.stream().map(Ticket::ticket).toList()));
        return out;
    }

    public synchronized int size() {
        return queues.values().stream().mapToInt(Deque::size).sum();
    }
}
