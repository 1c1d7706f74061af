package vn.motcua.office.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.office.district.Journal;

/** The district's journal in SQLite (the kernel's {@link StateStore}: WAL, synchronous=FULL); keeps a week. */
public final class SqliteJournal implements Journal, AutoCloseable {
    private static final int KEEP_DAYS = 7;
    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE district_journal (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              day TEXT NOT NULL,
              at TEXT NOT NULL,
              kind TEXT NOT NULL,
              body TEXT NOT NULL);
            CREATE INDEX district_journal_day ON district_journal(day, seq)""");

    private final StateStore store;

    private SqliteJournal(StateStore store) {
        this.store = store;
    }

    /** Opens (or creates) the journal in {@code dir} and forgets days older than a week before {@code today}. */
    public static SqliteJournal open(Path dir, LocalDate today) {
        StateStore store = StateStore.open(dir);
        store.migrate("district", SCHEMA);
        int dropped = store.inTransaction(tx -> tx.update("DELETE FROM district_journal WHERE day < ?",
                today.minusDays(KEEP_DAYS).toString()));
        if (dropped > 0) {
            Logger.info("district journal: forgot {} entries older than {} days", dropped, KEEP_DAYS);
        }
        return new SqliteJournal(store);
    }

    @Override
    public void append(LocalDate day, Entry entry) {
        store.inTransaction(tx -> tx.update("INSERT INTO district_journal(day, at, kind, body) VALUES(?, ?, ?, ?)",
                day.toString(), entry.at().toString(), entry.kind(), Json.write(entry.body())));
    }

    @Override
    public List<Entry> day(LocalDate day) {
        return store.read(tx -> tx.query("SELECT at, kind, body FROM district_journal WHERE day = ? ORDER BY seq",
                rs -> new Entry(Instant.parse(rs.getString(1)), rs.getString(2), body(rs.getString(3))), day.toString()));
    }

    private static ObjectNode body(String text) {
        try {
            return (ObjectNode) Json.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable district journal entry: " + text, e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
