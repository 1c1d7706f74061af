package vn.motcua.office.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.office.store.SqliteJournal;

/** The district stand-in rebuilds its day from its SQLite journal after the office restarts. */
class DistrictJournalTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String ROOT = "motcua/v1/hoang-mai/dinh-cong/";

    private final Path dir = TestDirs.create("district-journal-");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), ZONE);
    private SqliteJournal journal;

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
    }

    /** An office (re)started: a fresh district on the journal in {@code dir}. */
    private District start(RecordingPublisher publisher) {
        if (journal != null) {
            journal.close();
        }
        journal = SqliteJournal.open(dir, LocalDate.now(clock));
        District d = new District("hoang-mai/dinh-cong", ZONE, clock, publisher, new DossierDesk(List.of()));
        d.restoreFrom(journal);
        return d;
    }

    private static void issued(District d, int seq, String ticket, boolean priority) {
        d.handle(ROOT + "printer-1/event/ticket/issued", """
                {"eventId":"printer-1:%d","seq":%d,"type":"ticket.issued","ts":"2026-11-23T09:0%d:00.000+07:00",
                 "data":{"ticket":"%s","service":"%s","number":1,"priority":%s,"businessDay":"2026-11-23"}}
                """.formatted(seq, seq, seq, ticket, ticket.substring(0, 1), priority));
    }

    private static void rated(District d, int seq, int counter, String level, String reason) {
        d.handle(ROOT + "pad-" + counter + "/event/rating/submitted", """
                {"eventId":"pad-%d:%d","seq":%d,"type":"rating.submitted","ts":"2026-11-23T09:10:00.000+07:00",
                 "data":{"counter":%d,"ticket":"A001","level":"%s","reason":%s}}
                """.formatted(counter, seq, seq, counter, level, reason == null ? "null" : "\"" + reason + "\""));
    }

    @Test
    void a_restarted_office_has_the_same_queues_counters_statistics_and_calls_and_publishes_nothing_while_rebuilding() {
        District first = start(new RecordingPublisher());
        first.openCounters(3);
        issued(first, 1, "A001", false);
        issued(first, 2, "B001", false);
        issued(first, 3, "P001", true);
        issued(first, 4, "A002", false);
        clock.advance(Duration.ofMinutes(4));
        first.callNext(1);
        clock.advance(Duration.ofMinutes(1));
        first.callNext(2);
        clock.advance(Duration.ofMinutes(6));
        first.recall(2);
        first.callNext(1);
        rated(first, 1, 1, "unsatisfied", "time");
        rated(first, 2, 2, "very-satisfied", null);
        first.close(3);
        String before = first.snapshot().without("devices").toString();

        RecordingPublisher afterRestart = new RecordingPublisher();
        District second = start(afterRestart);

        assertThat(second.snapshot().without("devices").toString()).isEqualTo(before);
        assertThat(second.snapshot().at("/waiting/A").toString()).isEqualTo("[\"A002\"]");
        assertThat(second.snapshot().at("/serving/1").asText()).isEqualTo("B001");
        assertThat(afterRestart.sent).as("nothing is published while the day is rebuilt").isEmpty();

        // an event the broker delivers again after the restart is still counted once; new work goes on
        rated(second, 2, 2, "very-satisfied", null);
        assertThat(second.snapshot().at("/statistics/ratings/overall/count").asInt()).isEqualTo(2);
        assertThat(second.callNext(3)).map(Serving::ticket).contains("A002");
        assertThat(afterRestart.lastOn(ROOT + "serving/").topic()).isEqualTo(ROOT + "serving/3");
        assertThat(start(new RecordingPublisher()).snapshot().at("/serving/3").asText()).isEqualTo("A002");
    }

    @Test
    void a_new_day_starts_empty() {
        District first = start(new RecordingPublisher());
        issued(first, 1, "A001", false);
        rated(first, 1, 1, "satisfied", null);

        clock.advance(Duration.ofDays(1));
        District nextDay = start(new RecordingPublisher());
        assertThat(nextDay.snapshot().path("waiting").size()).isZero();
        assertThat(nextDay.snapshot().at("/statistics/ratings/overall/count").asInt()).isZero();
    }

    @Test
    void after_a_restart_the_counters_open_closed_with_no_headline_and_an_interrupted_service_is_counted_once() {
        District first = start(new RecordingPublisher());
        first.openCounters(2);
        issued(first, 1, "A001", false);
        issued(first, 2, "A002", false);
        clock.advance(Duration.ofMinutes(2));
        first.callNext(1);
        clock.advance(Duration.ofMinutes(3));
        first.callNext(2);
        clock.advance(Duration.ofMinutes(5));
        first.close(2);
        assertThat(first.snapshot().at("/headline/ticket").asText()).isEqualTo("A001");

        clock.advance(Duration.ofHours(2));
        RecordingPublisher published = new RecordingPublisher();
        District second = start(published);
        second.openCounters(2);

        var snapshot = second.snapshot();
        assertThat(snapshot.path("serving").size()).isZero();
        assertThat(snapshot.path("headline").isNull()).as("no counter serves anyone").isTrue();
        assertThat(published.sent).filteredOn(s -> s.topic().contains("/serving/"))
                .extracting(s -> s.json().path("ticket").isNull()).containsExactly(true, true);
        var stats = snapshot.path("statistics");
        assertThat(stats.path("served").asInt()).isEqualTo(2);
        assertThat(stats.path("inService").asInt()).isZero();
        assertThat(stats.path("averageServiceSeconds").asDouble()).as("the two hours the office was down are not a service")
                .isEqualTo(300.0);

        clock.advance(Duration.ofMinutes(30));
        District third = start(new RecordingPublisher());
        third.openCounters(2);
        assertThat(third.snapshot().without("devices").toString()).isEqualTo(snapshot.without("devices").toString());
    }
}
