package vn.motcua.ticket.numbering;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/** Writes to the ticket ledger inside one transaction. */
public interface LedgerTx extends LedgerView {
    void latestDay(LocalDate day);

    /** Stores an allocated number; a number not above the last one of that service and day is an error. */
    void issue(TicketNumber ticket);

    void voided(TicketNumber ticket);

    void countRefusal(LocalDate day, String reason);

    void printerCondition(String wire);

    /** Records an event in this transaction. */
    void record(String type, ObjectNode data);
}
