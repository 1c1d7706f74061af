package vn.motcua.ticket.state;

import java.util.function.Function;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.state.StateException;
import vn.motcua.common.state.StateStore;
import vn.motcua.ticket.numbering.LedgerTx;
import vn.motcua.ticket.numbering.LedgerView;
import vn.motcua.ticket.numbering.StorageUnavailable;
import vn.motcua.ticket.numbering.TicketLedger;

/** The ticket ledger in the device's SQLite state store, with events recorded in the same transaction. */
public final class StoreLedger implements TicketLedger {
    private final StateStore store;
    private final EventLog events;

    public StoreLedger(StateStore store, EventLog events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public <T> T atomically(Function<LedgerTx, T> work) {
        try {
            return store.inTransaction(tx -> work.apply(new StoreLedgerTx(tx, events)));
        } catch (StateException e) {
            throw e.fault().map(f -> new StorageUnavailable(f.wire(), e)).orElseThrow(() -> e);
        }
    }

    @Override
    public <T> T read(Function<LedgerView, T> work) {
        return store.read(tx -> work.apply(new StoreLedgerTx(tx, events)));
    }
}
