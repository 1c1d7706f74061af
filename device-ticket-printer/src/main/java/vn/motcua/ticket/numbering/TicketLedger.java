package vn.motcua.ticket.numbering;

import java.util.function.Function;

/** The durable record of issued numbers and their events: each piece of work commits entirely or not at all. */
public interface TicketLedger {
    /**
     * Runs {@code work} in one durable transaction (state and events together); throws {@link StorageUnavailable}
     * when the state disk refuses to write it.
     */
    <T> T atomically(Function<LedgerTx, T> work);

    /** Runs read-only {@code work} against a consistent view. */
    <T> T read(Function<LedgerView, T> work);
}
