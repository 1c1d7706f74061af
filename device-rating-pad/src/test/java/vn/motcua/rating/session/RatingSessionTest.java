package vn.motcua.rating.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RatingSessionTest {
    private final SessionFixture pad = new SessionFixture();

    @AfterEach
    void close() {
        pad.close();
    }

    @Test
    void mashing_a_level_button_records_one_rating_for_the_served_ticket() {
        pad.serve("A012");

        pad.pressTimes("satisfied", 5);

        assertThat(pad.ratings()).hasSize(1);
        JsonNode r = pad.ratings().get(0);
        assertThat(r.get("counter").asInt()).isEqualTo(5);
        assertThat(r.get("ticket").asText()).isEqualTo("A012");
        assertThat(r.get("level").asText()).isEqualTo("satisfied");
        assertThat(r.get("reason").isNull()).isTrue();
        assertThat(pad.session.ignoredPresses()).isEqualTo(4);
    }

    @Test
    void unsatisfied_then_a_reason_button_records_the_reason_code() {
        pad.serve("A013");

        assertThat(pad.session.press("unsatisfied")).isEqualTo(PressOutcome.ASKING);
        assertThat(pad.ratings()).isEmpty();
        assertThat(pad.session.view().mode()).isEqualTo(PadView.Mode.ASKING);
        assertThat(pad.session.press("reason-2")).isEqualTo(PressOutcome.RECORDED);

        assertThat(pad.ratings()).singleElement().satisfies(r -> {
            assertThat(r.get("ticket").asText()).isEqualTo("A013");
            assertThat(r.get("level").asText()).isEqualTo("unsatisfied");
            assertThat(r.get("reason").asText()).isEqualTo("attitude");
        });
        assertThat(pad.session.view().mode()).isEqualTo(PadView.Mode.THANKS);
    }

    @Test
    void unsatisfied_without_a_reason_is_recorded_with_no_reason_when_the_timeout_passes() {
        pad.serve("A014");
        pad.session.press("unsatisfied");

        pad.clock.advance(Duration.ofSeconds(14));
        pad.session.tick();
        assertThat(pad.ratings()).isEmpty();
        pad.clock.advance(Duration.ofSeconds(1));
        pad.session.tick();

        assertThat(pad.ratings()).singleElement().satisfies(r -> {
            assertThat(r.get("ticket").asText()).isEqualTo("A014");
            assertThat(r.get("reason").isNull()).isTrue();
        });
        assertThat(pad.session.press("reason-1")).as("the question is over").isEqualTo(PressOutcome.IGNORED);
    }

    @Test
    void presses_while_asking_and_reason_presses_when_not_asking_are_ignored_and_counted() {
        pad.serve("A015");

        assertThat(pad.session.press("reason-1")).isEqualTo(PressOutcome.IGNORED);
        pad.session.press("unsatisfied");
        assertThat(pad.session.press("satisfied")).isEqualTo(PressOutcome.IGNORED);
        assertThat(pad.session.press("unsatisfied")).isEqualTo(PressOutcome.IGNORED);
        pad.session.press("reason-4");

        assertThat(pad.ratings()).singleElement().satisfies(r -> assertThat(r.get("reason").asText()).isEqualTo("other"));
        assertThat(pad.session.ignoredPresses()).isEqualTo(3);
    }

    @Test
    void without_a_ticket_at_most_one_rating_per_cooldown() {
        assertThat(pad.session.view().mode()).as("the district was never heard").isEqualTo(PadView.Mode.WAITING);

        pad.session.press("very-satisfied");
        pad.clock.advance(Duration.ofSeconds(19));
        pad.session.press("satisfied");
        assertThat(pad.session.view().canRate()).isFalse();
        pad.clock.advance(Duration.ofSeconds(1));
        assertThat(pad.session.view().canRate()).isTrue();
        pad.session.press("satisfied");

        assertThat(pad.ratings()).extracting(r -> r.get("level").asText()).containsExactly("very-satisfied", "satisfied");
        assertThat(pad.ratings()).allSatisfy(r -> assertThat(r.get("ticket").isNull()).isTrue());
        assertThat(pad.session.ignoredPresses()).isEqualTo(1);
    }

    @Test
    void a_serving_change_while_asking_records_the_old_ticket_without_a_reason_and_follows_the_new_one() {
        pad.serve("A012");
        pad.session.press("unsatisfied");

        pad.serve("A013");

        assertThat(pad.ratings()).singleElement().satisfies(r -> {
            assertThat(r.get("ticket").asText()).isEqualTo("A012");
            assertThat(r.get("level").asText()).isEqualTo("unsatisfied");
            assertThat(r.get("reason").isNull()).isTrue();
        });
        PadView view = pad.session.view();
        assertThat(view.mode()).isEqualTo(PadView.Mode.SERVING);
        assertThat(view.ticket()).isEqualTo("A013");
        assertThat(view.canRate()).isTrue();
        pad.session.press("very-satisfied");
        assertThat(pad.ratings()).extracting(r -> r.get("ticket").asText()).containsExactly("A012", "A013");
    }

    @Test
    void an_older_serving_message_replayed_by_a_broker_node_never_replaces_the_newer_one() {
        Serving older = pad.servingSaidAgo("A012", Duration.ofMinutes(3));
        pad.session.serve(pad.servingSaidAgo("A013", Duration.ofMinutes(1)));

        pad.session.serve(older);

        assertThat(pad.session.servingTicket()).isEqualTo("A013");
        pad.session.press("satisfied");
        assertThat(pad.ratings()).extracting(r -> r.get("ticket").asText()).containsExactly("A013");
    }

    @Test
    void an_older_closed_message_does_not_close_the_counter_nor_end_the_question() {
        pad.session.serve(pad.servingSaidAgo("A013", Duration.ofSeconds(30)));
        pad.session.press("unsatisfied");

        pad.session.serve(pad.servingSaidAgo(null, Duration.ofMinutes(5)));
        pad.session.serve(pad.servingSaidAgo("A012", Duration.ofMinutes(2)));

        assertThat(pad.ratings()).isEmpty();
        assertThat(pad.session.view().mode()).isEqualTo(PadView.Mode.ASKING);
        pad.session.press("reason-1");
        assertThat(pad.ratings()).singleElement().satisfies(r -> assertThat(r.get("ticket").asText()).isEqualTo("A013"));
    }

    @Test
    void an_older_message_is_ignored_also_after_a_restart() {
        pad.session.serve(pad.servingSaidAgo("A013", Duration.ofMinutes(1)));
        pad.restart();

        pad.session.serve(pad.servingSaidAgo("A012", Duration.ofMinutes(2)));

        assertThat(pad.session.servingTicket()).isEqualTo("A013");
    }

    @Test
    void a_newer_message_and_one_without_a_readable_ts_are_followed() {
        pad.session.serve(pad.servingSaidAgo("A013", Duration.ofMinutes(1)));
        pad.session.serve(pad.servingSaidAgo("A014", Duration.ZERO));
        assertThat(pad.session.servingTicket()).isEqualTo("A014");

        pad.serve("A015");
        assertThat(pad.session.servingTicket()).as("no ts to compare: the district is followed").isEqualTo("A015");
    }

    @Test
    void the_same_serving_message_again_keeps_the_question_open() {
        pad.serve("A012");
        pad.session.press("unsatisfied");

        pad.session.serve(new Serving("A012", pad.serving("A012").day(), "a later ts"));

        assertThat(pad.ratings()).isEmpty();
        pad.session.press("reason-3");
        assertThat(pad.ratings()).singleElement().satisfies(r -> assertThat(r.get("reason").asText()).isEqualTo("procedure"));
    }

    @Test
    void closing_the_counter_turns_to_ratings_without_a_ticket() {
        pad.serve("A012");
        pad.session.press("satisfied");
        assertThat(pad.session.view().canRate()).isFalse();

        pad.serve(null);

        PadView view = pad.session.view();
        assertThat(view.mode()).isEqualTo(PadView.Mode.CLOSED);
        assertThat(view.ticket()).isNull();
        assertThat(view.canRate()).isTrue();
        pad.pressTimes("very-satisfied", 3);
        assertThat(pad.ratings()).extracting(r -> r.get("ticket").isNull()).containsExactly(false, true);
    }

    @Test
    void a_rated_ticket_stays_rated_after_a_restart() {
        pad.serve("A012");
        pad.session.press("very-satisfied");

        pad.restart();

        PadView view = pad.session.view();
        assertThat(view.mode()).as("the serving state is known before the broker answers").isEqualTo(PadView.Mode.SERVING);
        assertThat(view.ticket()).isEqualTo("A012");
        assertThat(view.canRate()).isFalse();
        assertThat(pad.session.press("satisfied")).isEqualTo(PressOutcome.IGNORED);
        pad.serve("A012");
        assertThat(pad.session.press("satisfied")).isEqualTo(PressOutcome.IGNORED);
        assertThat(pad.ratings()).hasSize(1);
    }

    @Test
    void the_cooldown_without_a_ticket_survives_a_restart() {
        pad.serve(null);
        pad.session.press("satisfied");

        pad.restart();
        pad.clock.advance(Duration.ofSeconds(5));

        assertThat(pad.session.press("satisfied")).isEqualTo(PressOutcome.IGNORED);
        assertThat(pad.ratings()).hasSize(1);
    }

    @Test
    void the_same_ticket_number_on_the_next_business_day_can_be_rated_again() {
        pad.serve("A012");
        pad.session.press("satisfied");

        pad.clock.advance(Duration.ofDays(1));
        pad.serve("A012");

        assertThat(pad.session.press("satisfied")).isEqualTo(PressOutcome.RECORDED);
        assertThat(pad.ratings()).hasSize(2);
    }

    @Test
    void tallies_todays_ratings_per_level_and_reason() {
        pad.serve("A001");
        pad.session.press("satisfied");
        pad.serve("A002");
        pad.session.press("unsatisfied");
        pad.session.press("reason-1");
        pad.serve("A003");
        pad.session.press("satisfied");

        var tally = pad.store.tally(SessionFixture.RULES.days().of(pad.clock.instant()));

        assertThat(tally.levels()).containsEntry("satisfied", 2L).containsEntry("unsatisfied", 1L);
        assertThat(tally.reasons()).containsExactlyEntriesOf(java.util.Map.of("time", 1L));
        assertThat(tally.total()).isEqualTo(3);
    }
}
