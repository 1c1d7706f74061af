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
        long n = tx.queryLong("SELECT last_number FROM ticket_counters WHERE business_day = ? AND service = ?", -1,
                day.toString(), service);
        return n < 0 ? OptionalInt.empty() : OptionalInt.of((int) n);
    }

    @Override
    public Map<String, Integer> issuedCounts(LocalDate day) {
        return byKey("SELECT service, issued - voided FROM ticket_counters WHERE business_day = ? ORDER BY service", day);
    }

    @Override
    public Map<String, Integer> lastNumbers(LocalDate day) {
        return byKey("SELECT service, last_number FROM ticket_counters WHERE business_day = ? ORDER BY service", day);
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
        int changed = tx.update("INSERT INTO ticket_counters(business_day, service, last_number, issued) VALUES(?, ?, ?, 1) "
                + "ON CONFLICT(business_day, service) DO UPDATE SET last_number = excluded.last_number, issued = issued + 1 "
                + "WHERE excluded.last_number > last_number", t.businessDay().toString(), t.service(), t.number());
        if (changed != 1) {
            throw new IllegalStateException("ticket " + t.text() + " of " + t.businessDay() + " is not above the last number issued");
        }
    }

    @Override
    public void voided(TicketNumber t) {
        tx.update("UPDATE ticket_counters SET voided = voided + 1 WHERE business_day = ? AND service = ?",
                t.businessDay().toString(), t.service());
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
