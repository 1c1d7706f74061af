package vn.motcua.kiosk.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.kiosk.hall.HallBoard.Change;

class HallBoardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:15:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    private final HallBoard board = new HallBoard(clock);
    private static final String NOW = "2026-11-23T08:15:00.000+07:00";
    private static final String EARLIER = "2026-11-23T07:00:00.000+07:00";
    private static final String LATER = "2026-11-23T08:15:30.000+07:00";

    private void later() {
        clock.advance(Duration.ofSeconds(5));
    }

    @Test
    void calls_every_live_message_with_a_ticket_including_a_recall() {
        later();
        assertThat(board.accept(3, "A007", NOW, false)).isEqualTo(Change.CALLED);
        assertThat(board.accept(3, "A007", LATER, false)).isEqualTo(Change.CALLED);
        assertThat(board.latestFirst()).extracting(ServingCall::ticket).containsExactly("A007");
    }

    @Test
    void ignores_the_retained_replay_of_what_is_shown() {
        later();
        board.accept(3, "A007", NOW, false);

        assertThat(board.accept(3, "A007", NOW, true)).isEqualTo(Change.IGNORED);
    }

    @Test
    void shows_an_old_retained_call_without_calling_it_and_calls_a_fresh_one() {
        later();
        assertThat(board.accept(2, "C001", EARLIER, true)).isEqualTo(Change.SHOWN);
        assertThat(board.accept(4, "D001", NOW, true)).isEqualTo(Change.CALLED);
    }

    @Test
    void the_district_republishing_what_is_shown_is_not_a_call() {
        later();
        board.accept(3, "A007", NOW, false);

        assertThat(board.accept(3, "A007", NOW, false)).isEqualTo(Change.IGNORED);
    }

    @Test
    void never_shows_nor_calls_a_message_older_than_the_newest_of_its_counter() {
        later();
        board.accept(3, "A008", NOW, false);

        assertThat(board.accept(3, "A007", EARLIER, false)).as("live").isEqualTo(Change.IGNORED);
        assertThat(board.accept(3, "A007", EARLIER, true)).as("retained").isEqualTo(Change.IGNORED);
        assertThat(board.accept(3, null, EARLIER, true)).as("an old close").isEqualTo(Change.IGNORED);
        assertThat(board.latestFirst()).extracting(ServingCall::ticket).containsExactly("A008");
    }

    @Test
    void an_old_call_does_not_reopen_a_counter_closed_later() {
        later();
        board.accept(3, "A008", EARLIER, false);
        board.accept(3, null, NOW, false);

        assertThat(board.accept(3, "A008", EARLIER, true)).isEqualTo(Change.IGNORED);
        assertThat(board.latestFirst()).isEmpty();
        assertThat(board.accept(4, "B001", EARLIER, false)).as("other counters are their own").isEqualTo(Change.CALLED);
    }

    @Test
    void treats_messages_right_after_a_connect_as_the_replay() {
        later();
        board.connected();
        assertThat(board.accept(2, "C001", EARLIER, false)).isEqualTo(Change.SHOWN);
        later();
        assertThat(board.accept(2, "C001", NOW, false)).as("the recall, live").isEqualTo(Change.CALLED);
    }

    @Test
    void keeps_the_latest_call_per_counter_newest_first_and_drops_closed_counters() {
        later();
        board.accept(1, "A001", NOW, false);
        board.accept(2, "B001", NOW, false);
        board.accept(1, "A002", NOW, false);
        board.accept(3, "C001", NOW, false);
        assertThat(board.accept(2, null, NOW, false)).isEqualTo(Change.SHOWN);

        assertThat(board.latestFirst()).extracting(ServingCall::ticket).containsExactly("C001", "A002");
    }
}
