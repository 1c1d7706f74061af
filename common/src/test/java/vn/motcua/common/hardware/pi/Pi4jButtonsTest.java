package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.ScheduledTicker;
import vn.motcua.common.hardware.MutableClock;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.HealthModel;

class Pi4jButtonsTest {
    private final Context pi4j = Pi4jContexts.forMock();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final BlockingQueue<String> pressed = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    private final HardwareWiring wiring = new HardwareWiring(HardwareWiring.Profile.PI,
            Map.of("A", 5, "B", 6), Map.of(), 30, Optional.empty());
    private Pi4jButtons buttons;

    @BeforeEach
    void given_released_buttons_on_mock_inputs() {
        buttons = new Pi4jButtons(pi4j, wiring, clock, ScheduledTicker.on(scheduler));
        assertThat(buttons.open()).isEmpty();
        mock("A").mockState(DigitalState.HIGH);
        mock("B").mockState(DigitalState.HIGH);
        buttons.addListener(name -> {
            threads.add(Thread.currentThread().getName());
            pressed.add(name);
        });
        buttons.start();
    }

    @AfterEach
    void stop() {
        buttons.stop();
        pi4j.shutdown();
    }

    private MockDigitalInput mock(String name) {
        return (MockDigitalInput) buttons.input(name).orElseThrow();
    }

    private List<String> pressesWithin(long millis) throws InterruptedException {
        List<String> out = new java.util.ArrayList<>();
        String first = pressed.poll(millis, TimeUnit.MILLISECONDS);
        if (first != null) {
            out.add(first);
            Thread.sleep(50);
            pressed.drainTo(out);
        }
        return out;
    }

    @Test
    void a_press_through_the_mock_input_reaches_the_listener_once_on_the_dispatch_thread() throws Exception {
        mock("A").mockState(DigitalState.LOW);
        scheduler.runDue();
        clock.advanceMillis(20);
        scheduler.runDue();
        clock.advanceMillis(20);
        mock("A").mockState(DigitalState.HIGH);
        scheduler.runDue();

        assertThat(pressesWithin(2000)).containsExactly("A");
        assertThat(threads.poll()).isEqualTo("motcua-buttons").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void contact_bounce_counts_as_one_press() throws Exception {
        for (int i = 0; i < 5; i++) {
            mock("B").mockState(DigitalState.LOW);
            clock.advanceMillis(1);
            mock("B").mockState(DigitalState.HIGH);
            clock.advanceMillis(1);
        }
        mock("B").mockState(DigitalState.LOW);
        clock.advanceMillis(40);
        scheduler.runDue();

        assertThat(pressesWithin(2000)).containsExactly("B");
    }

    @Test
    void a_missed_edge_is_caught_by_polling() throws Exception {
        setLevelWithoutEvent(mock("A"), DigitalState.LOW);
        assertThat(pressed.poll(100, TimeUnit.MILLISECONDS)).isNull();

        scheduler.runDue();
        clock.advanceMillis(20);
        scheduler.runDue();

        assertThat(pressesWithin(2000)).containsExactly("A");
    }

    @Test
    void presses_after_release_count_again() throws Exception {
        for (int i = 0; i < 3; i++) {
            mock("A").mockState(DigitalState.LOW);
            clock.advanceMillis(100);
            mock("A").mockState(DigitalState.HIGH);
            clock.advanceMillis(100);
            scheduler.runDue();
        }

        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("A");
        assertThat(pressesWithin(100)).isEmpty();
    }

    @Test
    void polls_every_50_ms_shorter_than_any_real_press_and_stops_polling_when_stopped() {
        assertThat(scheduler.live()).extracting(ManualScheduler.Task::periodMillis).containsExactly(50L);

        buttons.stop();

        assertThat(scheduler.live()).isEmpty();
    }

    @Test
    void no_press_is_reported_after_stop() throws Exception {
        buttons.stop();
        mock("A").mockState(DigitalState.LOW);

        assertThat(pressesWithin(200)).isEmpty();
    }

    @Test
    void names_follow_the_wiring() {
        assertThat(buttons.names()).containsExactlyInAnyOrder("A", "B");
        assertThat(buttons.input("nope")).isEmpty();
    }

    @Test
    void a_button_held_down_at_start_counts_only_after_it_is_released_and_pressed_again() throws Exception {
        HardwareWiring held = new HardwareWiring(HardwareWiring.Profile.PI, Map.of("C", 7), Map.of(), 30,
                Optional.empty());
        Pi4jButtons other = new Pi4jButtons(pi4j, held, clock, ScheduledTicker.on(scheduler));
        other.addListener(pressed::add);
        other.open();
        other.start();
        clock.advanceMillis(100);
        scheduler.runDue();
        assertThat(pressesWithin(100)).isEmpty();

        MockDigitalInput c = (MockDigitalInput) other.input("C").orElseThrow();
        c.mockState(DigitalState.HIGH);
        clock.advanceMillis(100);
        c.mockState(DigitalState.LOW);

        assertThat(pressesWithin(2000)).containsExactly("C");
        other.stop();
    }

    @Test
    void polling_is_watched_as_the_input_component_only_once_started() {
        HealthModel health = new HealthModel();
        HardwareWiring one = new HardwareWiring(HardwareWiring.Profile.PI, Map.of("D", 8), Map.of(), 30, Optional.empty());
        Pi4jButtons watched = new Pi4jButtons(pi4j, one, clock, ScheduledTicker.on(scheduler), health);
        watched.open();
        assertThat(health.heartbeats()).isEmpty();
        watched.start();
        scheduler.runDue();
        assertThat(health.heartbeats()).singleElement().satisfies(h -> {
            assertThat(h.component()).isEqualTo(Components.INPUT);
            assertThat(h.deadline()).isEqualTo(Pi4jButtons.POLL_DEADLINE);
            assertThat(h.stale()).isFalse();
        });
        watched.stop();
    }

    @Test
    void without_buttons_nothing_is_polled_and_no_input_loop_is_watched() {
        HealthModel health = new HealthModel();
        ManualScheduler own = new ManualScheduler();
        HardwareWiring none = new HardwareWiring(HardwareWiring.Profile.PI, Map.of(), Map.of(), 30, Optional.empty());
        Pi4jButtons kiosk = new Pi4jButtons(pi4j, none, clock, ScheduledTicker.on(own), health);
        kiosk.start();
        assertThat(own.live()).isEmpty();
        assertThat(health.heartbeats()).isEmpty();
        kiosk.stop();
    }

    @Test
    void a_failing_listener_does_not_keep_the_press_from_the_others() throws Exception {
        BlockingQueue<String> later = new LinkedBlockingQueue<>();
        buttons.addListener(name -> {
            throw new IllegalStateException("broken listener");
        });
        buttons.addListener(later::add);

        mock("B").mockState(DigitalState.LOW);

        assertThat(later.poll(2, TimeUnit.SECONDS)).isEqualTo("B");
        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("B");
    }

    /** Changes the mock's level the way gpiod does when it loses an edge: no state-change event at all. */
    private static void setLevelWithoutEvent(MockDigitalInput input, DigitalState state) throws Exception {
        Field f = MockDigitalInput.class.getDeclaredField("state");
        f.setAccessible(true);
        f.set(input, state);
    }
}
