package vn.motcua.ticket.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.ticket.state.StoreLedger;
import vn.motcua.ticket.state.TicketSchema;

/** A real state store with the ticket schema in a scratch directory, and its event log. */
public final class LedgerRig implements AutoCloseable {
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    public final StateStore store;
    public final EventLog events;
    public final StoreLedger ledger;

    public LedgerRig(Clock clock) {
        store = StateStore.open(TestDirs.create("ledger-"));
        store.migrate("ticket-printer", TicketSchema.STEPS);
        events = new EventLog(store, "tp-test", HANOI, clock);
        ledger = new StoreLedger(store, events);
    }

    /** The data of every recorded event of this type, oldest first. */
    public List<JsonNode> data(String type) {
        return events.readAfter(0, 500).stream().filter(e -> e.type().equals(type))
                .map(e -> parse(e.envelope()).get("data")).toList();
    }

    /** The types of every recorded event, oldest first. */
    public List<String> types() {
        return events.readAfter(0, 500).stream().map(e -> e.type()).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
