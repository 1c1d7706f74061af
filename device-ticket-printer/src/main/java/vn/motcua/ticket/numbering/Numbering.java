package vn.motcua.ticket.numbering;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.common.json.Json;
import vn.motcua.ticket.config.Service;

/**
 * Ticket numbering: one gapless counter per service and business day, each number allocated together with its
 * {@code ticket.issued} event in one durable transaction; the business day never goes back when the clock does.
 */
public final class Numbering {
    public static final String RANGE_EXHAUSTED = "range-exhausted";

    private final TicketLedger ledger;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Integer> lastNumbers = new HashMap<>();
    private final Map<String, Long> notRecorded = new HashMap<>();
    private LocalDate latestDay;

    public Numbering(TicketLedger ledger, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    /** The business day numbers are allocated for now. */
    public LocalDate today(LocalTime dayStart) {
        return ledger.read(v -> new BusinessDay(zone, dayStart).resolve(clock.instant(), v.latestDay()));
    }

    /**
     * Allocates the service's next number, or refuses with {@code range-exhausted} past the end of its range, or
     * (the state disk refusing writes) allocates nothing and counts the press as not recorded.
     */
    public synchronized Allocation allocate(Service service, LocalTime dayStart) {
        Step step;
        try {
            step = allocateStep(service, dayStart);
        } catch (StorageUnavailable e) {
            return notRecorded(service.code(), e);
        }
        return remember(step);
    }

    private Step allocateStep(Service service, LocalTime dayStart) {
        return ledger.atomically(tx -> {
            LocalDate day = useDay(tx, dayStart);
            OptionalInt last = lastNumber(tx, service.code(), day);
            int next = last.isPresent() ? Math.max(last.getAsInt() + 1, service.from()) : service.from();
            if (next > service.to()) {
                refuse(tx, day, service.code(), RANGE_EXHAUSTED);
                return new Step(day, new Allocation.Refused(service.code(), RANGE_EXHAUSTED));
            }
            TicketNumber ticket = new TicketNumber(service.code(), next, service.digits(), service.priority(), day);
            tx.issue(ticket);
            tx.record("ticket.issued", Json.object().put("ticket", ticket.text()).put("service", ticket.service())
                    .put("number", ticket.number()).put("priority", ticket.priority())
                    .put("businessDay", day.toString()));
            return new Step(day, new Allocation.Issued(ticket));
        });
    }

    /** Records a press that got no number (e.g. the printer is out of paper), or counts it when that cannot be. */
    public synchronized Allocation refuse(String service, String reason, LocalTime dayStart) {
        try {
            return remember(ledger.atomically(tx -> {
                LocalDate day = useDay(tx, dayStart);
                refuse(tx, day, service, reason);
                return new Step(day, new Allocation.Refused(service, reason));
            }));
        } catch (StorageUnavailable e) {
            return notRecorded(service, e);
        }
    }

    /** Presses refused without a record since start (the state disk refused writes), per storage fault. */
    public synchronized Map<String, Long> notRecorded() {
        return Map.copyOf(notRecorded);
    }

    /**
     * Records that an allocated ticket was not printed; its number is never used again. Throws
     * {@link StorageUnavailable} when the state disk refuses the record.
     */
    public synchronized void voided(TicketNumber ticket, String reason) {
        ledger.atomically(tx -> {
            tx.voided(ticket);
            tx.record("ticket.voided", Json.object().put("ticket", ticket.text()).put("reason", reason));
            return null;
        });
    }

    private LocalDate useDay(LedgerTx tx, LocalTime dayStart) {
        Optional<LocalDate> latest = latestDay != null ? Optional.of(latestDay) : tx.latestDay();
        LocalDate day = new BusinessDay(zone, dayStart).resolve(clock.instant(), latest);
        if (latest.isEmpty() || !latest.get().equals(day)) {
            tx.latestDay(day);
        }
        return day;
    }

    private OptionalInt lastNumber(LedgerTx tx, String service, LocalDate day) {
        Integer cached = lastNumbers.get(service);
        return cached != null && day.equals(latestDay) ? OptionalInt.of(cached) : tx.lastNumber(service, day);
    }

    /** Keeps what a committed step wrote, so the next allocation needs no extra reads (this is the only writer). */
    private Allocation remember(Step step) {
        if (!step.day().equals(latestDay)) {
            lastNumbers.clear();
            latestDay = step.day();
        }
        if (step.allocation() instanceof Allocation.Issued issued) {
            lastNumbers.put(issued.ticket().service(), issued.ticket().number());
        }
        return step.allocation();
    }

    private Allocation notRecorded(String service, StorageUnavailable e) {
        notRecorded.merge(e.reason(), 1L, Long::sum);
        return new Allocation.NotRecorded(service, e.reason());
    }

    private record Step(LocalDate day, Allocation allocation) {
    }

    private static void refuse(LedgerTx tx, LocalDate day, String service, String reason) {
        tx.countRefusal(day, reason);
        ObjectNode data = Json.object().put("service", service).put("reason", reason);
        tx.record("ticket.refused", data);
    }
}
