package vn.motcua.office.district;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.common.json.Json;

/**
 * The figures an office publishes: satisfaction shares per counter and overall, reasons, tickets, waits, service times.
 * A ticket counts as served when its counter called the next ticket or closed (not when it is called: the citizen may
 * not come); ratings of a served ticket and ratings a pad sent with no ticket (nobody was being served) are kept apart.
 */
public final class Statistics {
    public static final List<String> LEVELS = List.of("very-satisfied", "satisfied", "unsatisfied");

    private final Clock clock;
    private final ZoneId zone;
    private final Map<Integer, Map<String, Integer>> levelsByCounter = new TreeMap<>();
    private final Map<String, Integer> reasons = new TreeMap<>();
    private final Map<String, Integer> levelsWithoutTicket = new TreeMap<>();
    private final Map<String, Integer> reasonsWithoutTicket = new TreeMap<>();
    private final Map<LocalDate, Map<String, Integer>> ticketsByDay = new TreeMap<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Duration> services = new ArrayList<>();
    private int servedUntimed;

    public Statistics(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public synchronized void issued(Ticket t) {
        ticketsByDay.computeIfAbsent(t.businessDay(), d -> new TreeMap<>()).merge(t.service(), 1, Integer::sum);
    }

    /** A ticket was called for the first time after waiting this long. */
    public synchronized void called(Duration wait) {
        waits.add(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** A counter finished serving a ticket after this long. */
    public synchronized void served(Duration time) {
        services.add(time);
    }

    /** A counter's service ended when the office restarted: served, but how long it lasted is not known. */
    public synchronized void servedUntimed() {
        servedUntimed++;
    }

    /** A citizen rated a counter; {@code ticket} is null when the pad served nobody, {@code reason} may be null. */
    public synchronized void rated(int counter, String ticket, String level, String reason) {
        boolean served = ticket != null && !ticket.isBlank();
        Map<String, Integer> levels = served ? levelsByCounter.computeIfAbsent(counter, c -> new TreeMap<>())
                : levelsWithoutTicket;
        levels.merge(level, 1, Integer::sum);
        if (reason != null) {
            (served ? reasons : reasonsWithoutTicket).merge(reason, 1, Integer::sum);
        }
    }

    /**
     * {@code {"ratings":{"overall":{count,shares},"byCounter":{"1":{...}},"withoutTicket":{count,shares,reasons}},
     * "reasons","ticketsToday","averageWaitSeconds","averageServiceSeconds","served","inService"}}; {@code inService}
     * is given by the caller (the counters own it).
     */
    public synchronized ObjectNode snapshot() {
        ObjectNode out = Json.object();
        ObjectNode ratings = out.putObject("ratings");
        Map<String, Integer> overall = new TreeMap<>();
        ObjectNode byCounter = ratings.putObject("byCounter");
        levelsByCounter.forEach((counter, counts) -> {
            byCounter.set(String.valueOf(counter), shares(counts));
            counts.forEach((level, n) -> overall.merge(level, n, Integer::sum));
        });
        ratings.set("overall", shares(overall));
        ObjectNode without = shares(levelsWithoutTicket);
        reasonsWithoutTicket.forEach(without.putObject("reasons")::put);
        ratings.set("withoutTicket", without);
        ObjectNode reasonNode = out.putObject("reasons");
        reasons.forEach(reasonNode::put);
        ObjectNode today = out.putObject("ticketsToday");
        ticketsByDay.getOrDefault(LocalDate.now(clock.withZone(zone)), Map.of()).forEach(today::put);
        putAverage(out, "averageWaitSeconds", waits);
        putAverage(out, "averageServiceSeconds", services);
        out.put("served", services.size() + servedUntimed);
        return out;
    }

    private static ObjectNode shares(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        ObjectNode node = Json.object().put("count", total);
        ObjectNode shares = node.putObject("shares");
        for (String level : LEVELS) {
            int n = counts.getOrDefault(level, 0);
            shares.put(level, total == 0 ? 0.0 : Math.round(1000.0 * n / total) / 1000.0);
        }
        return node;
    }

    private static void putAverage(ObjectNode out, String field, List<Duration> values) {
        if (values.isEmpty()) {
            out.putNull(field);
        } else {
            double millis = values.stream().mapToLong(Duration::toMillis).average().orElse(0);
            out.put(field, Math.round(millis / 100.0) / 10.0);
        }
    }
}
