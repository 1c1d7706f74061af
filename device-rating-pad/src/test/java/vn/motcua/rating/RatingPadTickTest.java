package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.ButtonListener;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.common.uplink.MessageLink;
import vn.motcua.rating.config.RatingConfig;
import vn.motcua.rating.config.RatingConfigModel;
import vn.motcua.rating.session.RatingSession;
import vn.motcua.rating.state.RatingSchema;
import vn.motcua.rating.state.SqliteRatingStore;

/**
 * The pad's clock-driven work is one tick at each of the session's deadlines, asked of the shared scheduler, and
 * none while nothing is pending (an idle pad wakes no thread of the scheduler).
 */
class RatingPadTickTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String TOPIC = "motcua/v1/hn/x/serving/5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:00:00Z"), ZONE);
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final List<Runnable> scheduled = new ArrayList<>();
    private final ArgumentCaptor<ButtonListener> buttons = ArgumentCaptor.forClass(ButtonListener.class);
    @SuppressWarnings("unchecked")
    private final ArgumentCaptor<Consumer<InboundMessage>> serving = ArgumentCaptor.forClass(Consumer.class);
    private StateStore store;
    private EventLog events;
    private RatingPadApp app;

    @BeforeEach
    void start() {
        Path dir = TestDirs.create("rating-tick-");
        store = StateStore.open(dir);
        store.migrate(RatingSchema.MODULE, RatingSchema.STEPS);
        events = new EventLog(store, "rp-05", ZONE, clock);
        Buttons pads = mock(Buttons.class);
        MessageLink link = mock(MessageLink.class);
        when(scheduler.schedule(any(Runnable.class), anyLong(), eq(TimeUnit.MILLISECONDS))).thenAnswer(call -> {
            scheduled.add(call.getArgument(0));
            return mock(ScheduledFuture.class);
        });
        app = new RatingPadApp();
        RatingConfig config = new RatingConfigModel().defaults();
        app.start(new RatingPadContext(5, ZONE, TOPIC, clock, store, events, link, pads, mock(Leds.class),
                Optional.empty(), scheduler, () -> { }), config);
        verify(pads).addListener(buttons.capture());
        verify(link).subscribe(eq(TOPIC), serving.capture());
    }

    @AfterEach
    void stop() {
        app.stop();
        store.close();
    }

    @Test
    void an_idle_pad_and_one_serving_a_ticket_schedule_nothing() {
        serve("A012");
        press("reason-1");   // ignored: no question is asked

        verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
        verify(scheduler, never()).scheduleAtFixedRate(any(), anyLong(), anyLong(), any());
        verify(scheduler, never()).scheduleWithFixedDelay(any(), anyLong(), anyLong(), any());
    }

    @Test
    void a_rating_ticks_once_when_its_thanks_screen_ends_and_then_nothing() {
        serve("A012");
        press("satisfied");

        verify(scheduler).schedule(any(Runnable.class), eq(RatingSession.THANKS.toMillis() + RatingPadApp.AFTER_DEADLINE_MILLIS),
                eq(TimeUnit.MILLISECONDS));
        clock.advance(RatingSession.THANKS);
        runLast();
        assertThat(scheduled).as("the ticket is rated: nothing is pending").hasSize(1);
    }

    @Test
    void an_unanswered_question_is_recorded_at_its_timeout_by_the_tick_scheduled_for_it() {
        serve("A013");
        press("unsatisfied");
        long timeout = Duration.ofSeconds(RatingConfig.DEFAULT_REASON_TIMEOUT_SECONDS).toMillis();
        verify(scheduler).schedule(any(Runnable.class), eq(timeout + RatingPadApp.AFTER_DEADLINE_MILLIS),
                eq(TimeUnit.MILLISECONDS));

        clock.advance(Duration.ofMillis(timeout));
        runLast();

        assertThat(ratings()).as("recorded without a reason").isEqualTo(1);
        assertThat(scheduled).as("then the thank-you screen's end").hasSize(2);
    }

    @Test
    void a_tick_that_comes_early_schedules_the_rest_of_the_wait() {
        serve(null);
        press("satisfied");   // no ticket: the cooldown starts, and the thanks screen
        clock.advance(Duration.ofSeconds(1));
        runLast();            // early: the screen has 3 s left

        verify(scheduler).schedule(any(Runnable.class), eq(3_000 + RatingPadApp.AFTER_DEADLINE_MILLIS),
                eq(TimeUnit.MILLISECONDS));
        clock.advance(Duration.ofSeconds(3));
        runLast();            // the screen ends; the cooldown (20 s from the rating) is next
        verify(scheduler).schedule(any(Runnable.class),
                eq(Duration.ofSeconds(RatingConfig.DEFAULT_COOLDOWN_SECONDS - 4).toMillis() + RatingPadApp.AFTER_DEADLINE_MILLIS),
                eq(TimeUnit.MILLISECONDS));
    }

    private void serve(String ticket) {
        String json = ticket == null ? "{\"counter\":5,\"ticket\":null}" : "{\"counter\":5,\"ticket\":\"" + ticket + "\"}";
        serving.getValue().accept(new InboundMessage(TOPIC, json.getBytes(StandardCharsets.UTF_8), true));
    }

    private void press(String button) {
        buttons.getValue().pressed(button);
    }

    private void runLast() {
        scheduled.get(scheduled.size() - 1).run();
    }

    private long ratings() {
        return events.readAfter(0, 100).stream().filter(e -> e.type().equals(SqliteRatingStore.EVENT)).count();
    }
}
