package vn.motcua.ticket.numbering;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalInt;
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

    public Numbering(TicketLedger ledger, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.clock = clock;
        this.zone = zone;
    }

    /** The business day numbers are allocated for now. */
    public LocalDate today(LocalTime dayStart) {
        return ledger.read(v -> BusinessDay.resolve(clock.instant(), zone, dayStart, v.latestDay()));
    }

    /** Allocates the service's next number, or refuses with {@code range-exhausted} past the end of its range. */
    public Allocation allocate(Service service, LocalTime dayStart) {
        return ledger.atomically(tx -> {
            LocalDate day = useDay(tx, dayStart);
            OptionalInt last = tx.lastNumber(service.code(), day);
            int next = last.isPresent() ? Math.max(last.getAsInt() + 1, service.from()) : service.from();
            if (next > service.to()) {
                refuse(tx, day, service.code(), RANGE_EXHAUSTED);
                return new Allocation.Refused(service.code(), RANGE_EXHAUSTED);
            }
            TicketNumber ticket = new TicketNumber(service.code(), next, service.digits(), service.priority(), day);
            tx.issue(ticket);
            tx.record("ticket.issued", Json.object().put("ticket", ticket.text()).put("service", ticket.service())
                    .put("number", ticket.number()).put("priority", ticket.priority())
                    .put("businessDay", day.toString()));
            return new Allocation.Issued(ticket);
        });
    }

    /** Records a press that got no number (e.g. the printer is out of paper). */
    public Allocation.Refused refuse(String service, String reason, LocalTime dayStart) {
        return ledger.atomically(tx -> {
            refuse(tx, useDay(tx, dayStart), service, reason);
            return new Allocation.Refused(service, reason);
        });
    }

    /** Records that an allocated ticket was not printed; its number is never used again. */
    public void voided(TicketNumber ticket, String reason) {
        ledger.atomically(tx -> {
            tx.voided(ticket);
            tx.record("ticket.voided", Json.object().put("ticket", ticket.text()).put("reason", reason));
            return null;
        });
    }

    private LocalDate useDay(LedgerTx tx, LocalTime dayStart) {
        var latest = tx.latestDay();
        LocalDate day = BusinessDay.resolve(clock.instant(), zone, dayStart, latest);
        if (latest.isEmpty() || !latest.get().equals(day)) {
            tx.latestDay(day);
        }
        return day;
    }

    private static void refuse(LedgerTx tx, LocalDate day, String service, String reason) {
        tx.countRefusal(day, reason);
        ObjectNode data = Json.object().put("service", service).put("reason", reason);
        tx.record("ticket.refused", data);
    }
}
