package vn.motcua.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;

class EventLogTest {
    private final Path dir = TestDirs.create("events-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:15:00Z"));
    private StateStore store = StateStore.open(dir);
    private EventLog log = new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void numbers_events_from_one_without_gaps_across_reopens() throws Exception {
        log.record("test.a", Json.object());
        log.record("test.b", Json.object());
        store.close();
        store = StateStore.open(dir);
        log = new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock);
        log.record("test.c", Json.object());
        assertThat(log.readAfter(0, 10)).extracting(RecordedEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void writes_the_envelope_of_the_contract_with_the_office_offset() throws Exception {
        RecordedEvent e = log.record("ticket.issued", Json.object().put("ticket", "A012"));
        JsonNode env = Json.parse(e.envelope());
        assertThat(env.get("eventId").asText()).isEqualTo("tp-01:" + log.stateId() + ":1");
        assertThat(log.stateId()).matches("[0-9a-f]{16}");
        assertThat(env.get("seq").asLong()).isEqualTo(1);
        assertThat(env.get("type").asText()).isEqualTo("ticket.issued");
        assertThat(env.get("ts").asText()).isEqualTo("2026-11-23T08:15:00.000+07:00");
        assertThat(env.get("data").get("ticket").asText()).isEqualTo("A012");
    }

    @Test
    void an_event_and_its_state_change_commit_together_or_not_at_all() {
        store.migrate("test", List.of("CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER)"));
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.update("INSERT INTO counters VALUES('A', 1)");
            log.record(tx, "ticket.issued", Json.object());
            throw new IllegalStateException("crash before commit");
        }));
        assertThat(log.lastSeq()).isZero();
        long rows = store.read(tx -> tx.queryLong("SELECT COUNT(*) FROM counters", -1));
        assertThat(rows).isZero();
        store.inTransaction(tx -> log.record(tx, "ticket.issued", Json.object()));
        assertThat(log.lastSeq()).isEqualTo(1);
    }

    @Test
    void listeners_hear_of_an_event_after_commit() {
        List<Long> heard = new ArrayList<>();
        log.addListener(e -> heard.add(e.seq()));
        log.record("test.a", Json.object());
        assertThat(heard).containsExactly(1L);
    }

    @Test
    void reports_outbox_depth_and_age_of_the_oldest_undelivered() {
        log.record("test.a", Json.object());
        clock.advance(Duration.ofSeconds(30));
        log.record("test.b", Json.object());
        clock.advance(Duration.ofSeconds(15));
        assertThat(log.outboxStatus()).isEqualTo(new EventLog.OutboxStatus(2, 45));
        log.markAcked(1);
        assertThat(log.outboxStatus()).isEqualTo(new EventLog.OutboxStatus(1, 15));
        log.markAcked(2);
        assertThat(log.outboxStatus()).isEqualTo(new EventLog.OutboxStatus(0, 0));
    }

    @Test
    void the_outbox_cursor_never_goes_back() {
        log.record("test.a", Json.object());
        log.record("test.b", Json.object());
        log.markAcked(2);
        log.markAcked(1);
        assertThat(log.ackedSeq()).isEqualTo(2);
    }

    @Test
    void retention_keeps_undelivered_recent_and_the_newest_hundred_thousand() {
        store.inTransaction(tx -> {
            for (int i = 0; i < 100_010; i++) {
                log.record(tx, "test.old", null);
            }
            return null;
        });
        clock.advance(Duration.ofDays(8));
        log.record("test.recent", Json.object());
        assertThat(log.applyRetention()).as("nothing delivered yet").isZero();
        log.markAcked(100_011);
        assertThat(log.applyRetention()).as("only what is both older than 7 days and outside the newest 100,000")
                .isEqualTo(11);
        assertThat(log.readAfter(0, 1).get(0).seq()).isEqualTo(12);
        assertThat(log.lastSeq()).isEqualTo(100_011);
        log.record("test.next", Json.object());
        assertThat(log.lastSeq()).as("seq goes on after retention").isEqualTo(100_012);
    }

    @Test
    void the_state_id_is_made_with_the_state_directory_and_kept_across_reopens() {
        String first = log.stateId();
        store.close();
        store = StateStore.open(dir);
        assertThat(new EventLog(store, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock).stateId()).isEqualTo(first);
        try (StateStore replacedCard = StateStore.open(TestDirs.create("events-card-"))) {
            String other = new EventLog(replacedCard, "tp-01", ZoneId.of("Asia/Ho_Chi_Minh"), clock).stateId();
            assertThat(other).matches("[0-9a-f]{16}").isNotEqualTo(first);
        }
    }

    @Test
    void an_event_type_becomes_topic_levels_without_dots() {
        assertThat(EventLog.topicLevels("ticket.issued")).isEqualTo("ticket/issued");
        assertThat(EventLog.topicLevels("update.rolled-back")).isEqualTo("update/rolled-back");
        assertThatThrownBy(() -> log.record("ticket.issued.again", Json.object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.record("Ticket.Issued", Json.object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.record("ticket/issued", Json.object())).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.lastSeq()).as("a refused type records nothing").isZero();
    }
}
