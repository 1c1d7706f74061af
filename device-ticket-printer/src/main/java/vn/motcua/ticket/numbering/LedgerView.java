package vn.motcua.ticket.numbering;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** What the ticket ledger can tell: the latest business day used, the numbers issued and the refusals counted. */
public interface LedgerView {
    /** The latest business day a number or refusal was recorded for. */
    Optional<LocalDate> latestDay();

    /** The highest number allocated for a service on a day (voided ones included). */
    OptionalInt lastNumber(String service, LocalDate day);

    /** Tickets issued and not voided on a day, by service code. */
    Map<String, Integer> issuedCounts(LocalDate day);

    /** The highest number allocated on a day, by service code. */
    Map<String, Integer> lastNumbers(LocalDate day);

    /** Refused presses on a day, by reason. */
    Map<String, Integer> refusals(LocalDate day);

    /** The printer condition last recorded (its wire name), if any. */
    Optional<String> printerCondition();
}
