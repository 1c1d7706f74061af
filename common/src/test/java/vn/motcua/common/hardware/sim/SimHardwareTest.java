package vn.motcua.common.hardware.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.ScheduledTicker;
import vn.motcua.common.hardware.pi.Pi4jContexts;

class SimHardwareTest {
    private final Context pi4j = Pi4jContexts.forMock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final HardwareWiring wiring = HardwareWiring.sim(
            List.of("very-satisfied", "satisfied", "unsatisfied"), List.of("status"));

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void each_simulated_press_reaches_the_listener_once_even_back_to_back() throws Exception {
        SimButtons buttons = new SimButtons(pi4j, wiring, Clock.systemUTC(), ScheduledTicker.on(scheduler));
        BlockingQueue<String> pressed = new LinkedBlockingQueue<>();
        buttons.addListener(pressed::add);
        buttons.start();

        assertThat(buttons.press("satisfied")).isTrue();
        assertThat(buttons.press("satisfied")).isTrue();
        scheduler.runDue();
        assertThat(buttons.press("unsatisfied")).isTrue();

        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("satisfied");
        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("satisfied");
        assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("unsatisfied");
        assertThat(pressed.poll(100, TimeUnit.MILLISECONDS)).isNull();
        buttons.stop();
    }

    @Test
    void an_unknown_button_cannot_be_pressed() {
        SimButtons buttons = new SimButtons(pi4j, wiring, Clock.systemUTC(), ScheduledTicker.on(scheduler));
        buttons.start();

        assertThat(buttons.press("reason-9")).isFalse();
        buttons.stop();
    }

    @Test
    void simulated_leds_report_their_wire_states() {
        SimLeds leds = SimLeds.open(pi4j, wiring.leds(), scheduler);

        leds.set("status", LedState.BLINK);

        assertThat(leds.wireStates()).containsEntry("status", "blink");
        boolean before = leds.lit("status");
        scheduler.runDue();
        assertThat(leds.lit("status")).isNotEqualTo(before);
        leds.stop();
        assertThat(leds.wireStates()).containsEntry("status", "off");
    }

    @Test
    void the_simulated_display_keeps_vietnamese_intact() {
        SimDisplay display = new SimDisplay(20, 4, false);
        List<List<String>> heard = new java.util.ArrayList<>();
        display.addListener(heard::add);

        display.show(List.of("Quầy 5", "Đang phục vụ A012", "Cảm ơn quý khách!", "", "extra"));

        assertThat(display.lines()).containsExactly("Quầy 5", "Đang phục vụ A012", "Cảm ơn quý khách!", "");
        assertThat(heard).hasSize(1);
        assertThat(List.of(display.columns(), display.rows())).containsExactly(20, 4);
    }

    @Test
    void the_simulated_display_can_show_what_a_character_lcd_would() {
        SimDisplay display = new SimDisplay(16, 2, true);

        display.show(List.of("Quầy 5", "Cảm ơn quý khách!"));

        assertThat(display.lines()).containsExactly("Quay 5          ", "Cam on quy khach");
    }
}
