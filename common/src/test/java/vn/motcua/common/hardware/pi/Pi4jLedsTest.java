package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.ManualScheduler;

class Pi4jLedsTest {
    private final Context pi4j = Pi4jContexts.forMock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Pi4jLeds leds = Pi4jLeds.open(pi4j, pins(), scheduler);

    private static Map<String, Integer> pins() {
        Map<String, Integer> pins = new LinkedHashMap<>();
        pins.put("A", 12);
        pins.put("B", 16);
        pins.put("status", 26);
        return pins;
    }

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void starts_dark_and_switches_outputs_on_and_off() {
        assertThat(leds.states()).containsExactly(
                Map.entry("A", LedState.OFF), Map.entry("B", LedState.OFF), Map.entry("status", LedState.OFF));
        assertThat(leds.lit("A")).isFalse();

        leds.set("A", LedState.ON);

        assertThat(leds.lit("A")).isTrue();
        assertThat(leds.state("A")).isEqualTo(LedState.ON);
        leds.set("A", LedState.OFF);
        assertThat(leds.lit("A")).isFalse();
    }

    @Test
    void blinking_leds_toggle_together_on_the_scheduler_and_stay_in_blink_state() {
        leds.set("A", LedState.BLINK);
        leds.set("status", LedState.BLINK);
        assertThat(scheduler.live()).extracting(ManualScheduler.Task::periodMillis).containsExactly(250L);
        boolean first = leds.lit("A");

        scheduler.runDue();
        assertThat(leds.lit("A")).isEqualTo(!first);
        assertThat(leds.lit("status")).isEqualTo(leds.lit("A"));
        scheduler.runDue();
        assertThat(leds.lit("A")).isEqualTo(first);

        assertThat(leds.state("A")).isEqualTo(LedState.BLINK);
        assertThat(leds.lit("B")).isFalse();
    }

    @Test
    void blinking_stops_when_no_led_blinks_any_more() {
        leds.set("A", LedState.BLINK);
        leds.set("A", LedState.ON);

        assertThat(scheduler.live()).isEmpty();
        assertThat(leds.lit("A")).isTrue();
    }

    @Test
    void set_all_and_stop_switch_every_led() {
        leds.setAll(LedState.ON);
        assertThat(leds.lit("A") && leds.lit("B") && leds.lit("status")).isTrue();

        leds.set("B", LedState.BLINK);
        leds.stop();

        assertThat(leds.states().values()).containsOnly(LedState.OFF);
        assertThat(leds.lit("A") || leds.lit("B") || leds.lit("status")).isFalse();
        assertThat(scheduler.live()).isEmpty();
    }

    @Test
    void ignores_leds_that_are_not_wired() {
        leds.set("Z", LedState.ON);

        assertThat(leds.state("Z")).isEqualTo(LedState.OFF);
        assertThat(leds.names()).containsExactly("A", "B", "status");
        assertThat(leds.failed()).isEmpty();
    }
}
