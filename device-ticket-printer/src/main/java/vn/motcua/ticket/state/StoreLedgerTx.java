package vn.motcua.ticket.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.state.Tx;
import vn.motcua.ticket.numbering.LedgerTx;
import vn.motcua.ticket.numbering.TicketNumber;

/** One transaction (or read) on the ticket tables and the meta keys of the ticket printer. */
final class StoreLedgerTx implements LedgerTx {
    private static final String LATEST_DAY = "ticket.latestBusinessDay";
    private static final String PRINTER = "ticket.printerCondition";

    private final Tx tx;
    private final EventLog events;

    StoreLedgerTx(Tx tx, EventLog events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Optional<LocalDate> latestDay() {
        return tx.meta(LATEST_DAY).map(LocalDate::parse);
    }

    @Override
    public OptionalInt lastNumber(String service, LocalDate day) {
        long n = tx.queryLong("SELECT MAX(number) FROM tickets WHERE service = ? AND business_day = ?", -1,
                service, day.toString());
        return n < 0 ? OptionalInt.empty() : OptionalInt.of((int) n);
    }

    @Override
    public Map<String, Integer> issuedCounts(LocalDate day) {
        return byKey("SELECT service, COUNT(*) FROM tickets WHERE business_day = ? AND voided = 0 GROUP BY service ORDER BY service", day);
    }

    @Override
    public Map<String, Integer> lastNumbers(LocalDate day) {
        return byKey("SELECT service, MAX(number) FROM tickets WHERE business_day = ? GROUP BY service ORDER BY service", day);
    }

    @Override
    public Map<String, Integer> refusals(LocalDate day) {
        return byKey("SELECT reason, count FROM ticket_refusals WHERE business_day = ? ORDER BY reason", day);
    }

    @Override
    public Optional<String> printerCondition() {
        return tx.meta(PRINTER);
    }

    @Override
    public void latestDay(LocalDate day) {
        tx.putMeta(LATEST_DAY, day.toString());
    }

    @Override
    public void issue(TicketNumber t) {
        tx.update("INSERT INTO tickets(service, business_day, number, ticket, priority) VALUES(?, ?, ?, ?, ?)",
                t.service(), t.businessDay().toString(), t.number(), t.text(), t.priority() ? 1 : 0);
    }

    @Override
    public void voided(TicketNumber t) {
        tx.update("UPDATE tickets SET voided = 1 WHERE service = ? AND business_day = ? AND number = ?",
                t.service(), t.businessDay().toString(), t.number());
    }

    @Override
    public void countRefusal(LocalDate day, String reason) {
        tx.update("INSERT INTO ticket_refusals(business_day, reason, count) VALUES(?, ?, 1) "
                + "ON CONFLICT(business_day, reason) DO UPDATE SET count = count + 1", day.toString(), reason);
    }

    @Override
    public void printerCondition(String wire) {
        tx.putMeta(PRINTER, wire);
    }

    @Override
    public void record(String type, ObjectNode data) {
        events.record(tx, type, data);
    }

    private Map<String, Integer> byKey(String sql, LocalDate day) {
        Map<String, Integer> out = new LinkedHashMap<>();
        tx.query(sql, rs -> out.put(rs.getString(1), rs.getInt(2)), day.toString());
        return out;
    }
}
