package vn.motcua.ticket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.ticket.dispense.PrinterGate;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.numbering.TicketLedger;

/** The ticket printer's telemetry counters for the current business day. */
final class TicketTelemetry {
    private final TicketLedger ledger;
    private final Numbering numbering;
    private final PressThrottle throttle;
    private final PrinterGate gate;
    private final Clock clock;
    private final ZoneId zone;

    TicketTelemetry(TicketLedger ledger, Numbering numbering, PressThrottle throttle, PrinterGate gate, Clock clock,
                    ZoneId zone) {
        this.ledger = ledger;
        this.numbering = numbering;
        this.throttle = throttle;
        this.gate = gate;
        this.clock = clock;
        this.zone = zone;
    }

    void contribute(ObjectNode t, LocalTime dayStart) {
        ledger.read(v -> {
            LocalDate day = new BusinessDay(zone, dayStart).resolve(clock.instant(), v.latestDay());
            put(t.putObject("ticketsToday"), v.issuedCounts(day));
            put(t.putObject("lastNumber"), v.lastNumbers(day));
            put(t.putObject("refused"), v.refusals(day));
            t.put("businessDay", day.toString());
            return null;
        });
        t.put("ignoredPresses", throttle.ignoredPresses());
        ObjectNode lost = t.putObject("refusedNotRecorded");
        numbering.notRecorded().forEach(lost::put);
        t.put("printer", gate.current().wire());
    }

    private static void put(ObjectNode node, Map<String, Integer> values) {
        values.forEach(node::put);
    }
}
