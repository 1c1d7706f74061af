package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.common.hardware.Debouncer.Change.NONE;
import static vn.motcua.common.hardware.Debouncer.Change.PRESSED;
import static vn.motcua.common.hardware.Debouncer.Change.RELEASED;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private final MutableClock clock = new MutableClock();
    private final Debouncer debouncer = new Debouncer(clock, 30, false);
    private final List<Debouncer.Change> changes = new ArrayList<>();

    private void sample(boolean closed) {
        Debouncer.Change c = debouncer.observe(closed);
        if (c != NONE) {
            changes.add(c);
        }
    }

    @Test
    void counts_a_bouncing_press_once() {
        sample(true);
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(2);
            sample(i % 2 == 0 ? false : true);
        }
        clock.advanceMillis(20);
        sample(true);

        assertThat(changes).containsExactly(PRESSED);
        assertThat(debouncer.pressed()).isTrue();
    }

    @Test
    void ignores_bounce_on_release_too() {
        sample(true);
        clock.advanceMillis(100);
        sample(false);
        clock.advanceMillis(3);
        sample(true);
        clock.advanceMillis(3);
        sample(false);
        clock.advanceMillis(50);
        sample(false);

        assertThat(changes).containsExactly(PRESSED, RELEASED);
    }

    @Test
    void counts_a_long_hold_once() {
        sample(true);
        for (int i = 0; i < 150; i++) {
            clock.advanceMillis(20);
            sample(true);
        }

        assertThat(changes).containsExactly(PRESSED);
    }

    @Test
    void counts_each_of_repeated_presses() {
        for (int i = 0; i < 5; i++) {
            sample(true);
            clock.advanceMillis(80);
            sample(false);
            clock.advanceMillis(80);
        }

        assertThat(changes).filteredOn(c -> c == PRESSED).hasSize(5);
    }

    @Test
    void a_press_seen_by_the_edge_and_then_by_the_poll_counts_once() {
        sample(true);
        clock.advanceMillis(5);
        sample(true);
        clock.advanceMillis(20);
        sample(true);
        clock.advanceMillis(40);
        sample(true);

        assertThat(changes).containsExactly(PRESSED);
    }

    @Test
    void a_press_seen_first_by_the_poll_and_late_by_the_edge_counts_once() {
        sample(true);
        clock.advanceMillis(45);
        sample(true);

        assertThat(changes).containsExactly(PRESSED);
    }

    @Test
    void a_release_that_settles_inside_the_quiet_time_is_taken_at_the_next_poll() {
        sample(true);
        clock.advanceMillis(10);
        sample(false);
        clock.advanceMillis(30);
        sample(false);
        clock.advanceMillis(60);
        sample(true);

        assertThat(changes).containsExactly(PRESSED, RELEASED, PRESSED);
    }

    @Test
    void a_button_held_at_start_is_not_a_press() {
        Debouncer held = new Debouncer(clock, 30, true);

        assertThat(held.observe(true)).isEqualTo(NONE);
        clock.advanceMillis(100);
        assertThat(held.observe(false)).isEqualTo(RELEASED);
    }

    @Test
    void without_debounce_time_every_change_counts() {
        Debouncer none = new Debouncer(clock, 0, false);

        assertThat(List.of(none.observe(true), none.observe(false), none.observe(true)))
                .containsExactly(PRESSED, RELEASED, PRESSED);
    }
}
