package vn.motcua.ticket.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;

class QueueBoardTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), HANOI);
    private final QueueBoard board = new QueueBoard(clock);

    private static String report(String service, Object waiting, Object avg, String ts) {
        return "{\"service\":\"%s\",\"waiting\":%s,\"avgServiceSeconds\":%s,\"ts\":\"%s\"}".formatted(service, waiting, avg, ts);
    }

    @Test
    void tells_a_report_while_it_is_within_five_minutes_of_the_device_clock() {
        board.accept("A", report("A", 5, 300, "2026-11-23T09:00:00.000+07:00"));

        assertThat(board.fresh("A")).hasValueSatisfying(r -> {
            assertThat(r.waiting()).isEqualTo(5);
            assertThat(r.waitMinutes()).hasValue(25);
        });
        clock.advance(Duration.ofMinutes(5));
        assertThat(board.fresh("A")).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(board.fresh("A")).as("stale after five minutes").isEmpty();
        assertThat(board.fresh("B")).as("never heard").isEmpty();
    }

    @Test
    void a_report_from_the_future_beyond_five_minutes_is_not_fresh_either() {
        board.accept("A", report("A", 5, 300, "2026-11-23T09:06:00.000+07:00"));

        assertThat(board.fresh("A")).isEmpty();
    }

    @Test
    void ignores_malformed_reports_and_keeps_the_last_good_one() {
        board.accept("A", report("A", 3, 120, "2026-11-23T09:00:00.000+07:00"));
        board.accept("A", "not json");
        board.accept("A", report("A", -1, 120, "2026-11-23T09:00:01.000+07:00"));
        board.accept("A", report("A", "\"many\"", 120, "2026-11-23T09:00:01.000+07:00"));
        board.accept("A", report("A", 4, 120, "yesterday"));
        board.accept("A", report("B", 9, 120, "2026-11-23T09:00:01.000+07:00"));
        board.accept("A", "{\"service\":\"A\",\"waiting\":4,\"ts\":\"2026-11-23T09:00:01.000+07:00\"}");

        assertThat(board.fresh("A")).hasValueSatisfying(r -> assertThat(r.waiting()).isEqualTo(3));
        assertThat(board.fresh("B")).isEmpty();
    }

    @Test
    void an_older_report_replayed_after_a_newer_one_does_not_replace_it() {
        board.accept("A", report("A", 6, 60, "2026-11-23T09:00:00.000+07:00"));
        board.accept("A", report("A", 2, 60, "2026-11-23T08:58:00.000+07:00"));

        assertThat(board.fresh("A")).hasValueSatisfying(r -> assertThat(r.waiting()).isEqualTo(6));
    }

    @Test
    void no_wait_estimate_without_a_service_time_or_with_nobody_ahead() {
        assertThat(QueueReport.parse(report("A", 4, 0, "2026-11-23T09:00:00.000+07:00")).orElseThrow().waitMinutes()).isEmpty();
        assertThat(QueueReport.parse(report("A", 0, 200, "2026-11-23T09:00:00.000+07:00")).orElseThrow().waitMinutes()).isEmpty();
        assertThat(QueueReport.parse(report("A", 3, 50, "2026-11-23T09:00:00.000+07:00")).orElseThrow().waitMinutes()).hasValue(3);
    }
}
