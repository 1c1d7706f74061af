package vn.motcua.common.hardware.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.Hardware;
import vn.motcua.common.hardware.HardwareFactory;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.pi.Pi4jButtons;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.json.Json;

class HardwareFactoryTest {
    @Test
    void builds_the_sim_hardware_from_the_identity_block() throws Exception {
        HardwareWiring wiring = HardwareWiring.parse(Json.parse(
                "{\"profile\":\"sim\",\"buttons\":[\"A\",\"B\"],\"leds\":{\"A\":null,\"status\":null},"
                        + "\"lcd\":{\"columns\":16,\"rows\":2}}")).wiring();
        HealthModel health = new HealthModel();
        ManualScheduler scheduler = new ManualScheduler();

        try (Hardware hardware = HardwareFactory.create(wiring, health, scheduler)) {
            BlockingQueue<String> pressed = new LinkedBlockingQueue<>();
            hardware.buttons().addListener(pressed::add);
            hardware.buttons().start();

            assertThat(hardware.buttons()).isInstanceOf(SimButtons.class);
            assertThat(((SimButtons) hardware.buttons()).press("B")).isTrue();
            assertThat(pressed.poll(2, TimeUnit.SECONDS)).isEqualTo("B");

            hardware.leds().set("status", LedState.ON);
            assertThat(((SimLeds) hardware.leds()).wireStates()).containsEntry("status", "on").containsEntry("A", "off");

            TextDisplay display = hardware.display().orElseThrow();
            display.show(List.of("Định Công"));
            assertThat(display.lines()).containsExactly("Định Công");
            assertThat(List.of(display.columns(), display.rows())).containsExactly(16, 2);

            assertThat(health.snapshot()).containsEntry("buttons", ComponentStatus.OK)
                    .containsEntry("leds", ComponentStatus.OK).containsEntry("lcd", ComponentStatus.OK);
        }
    }

    @Test
    void the_buttons_are_polled_on_a_thread_of_their_own_while_the_shared_scheduler_is_held() throws Exception {
        // the manual scheduler never runs anything: as a shared scheduler whose threads a slow disk holds
        HealthModel health = new HealthModel();
        try (Hardware hardware = HardwareFactory.create(HardwareWiring.sim(List.of("A"), List.of()), health,
                new ManualScheduler())) {
            hardware.buttons().start();
            Heartbeat input = health.heartbeats().stream()
                    .filter(h -> h.component().equals(Components.INPUT)).findFirst().orElseThrow();
            long started = System.nanoTime();
            // beaten well after the start, by polls only
            await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - started > 1_000_000_000L
                    && input.sinceBeat().toMillis() < 300);
            hardware.buttons().stop();
        }
    }

    @Test
    void gives_the_sim_a_20_by_4_display_when_no_lcd_is_wired() {
        try (Hardware hardware = HardwareFactory.create(HardwareWiring.sim(List.of("A"), List.of()),
                new HealthModel(), new ManualScheduler())) {
            assertThat(hardware.display()).get().extracting(TextDisplay::columns, TextDisplay::rows)
                    .containsExactly(20, 4);
            assertThat(hardware.profile()).isEqualTo(HardwareWiring.Profile.SIM);
        }
    }

    @Test
    void several_simulated_devices_run_side_by_side_in_one_process() throws Exception {
        HardwareWiring wiring = HardwareWiring.sim(List.of("A"), List.of("A"));
        try (Hardware first = HardwareFactory.create(wiring, new HealthModel(), new ManualScheduler());
             Hardware second = HardwareFactory.create(wiring, new HealthModel(), new ManualScheduler())) {
            BlockingQueue<String> firstPresses = new LinkedBlockingQueue<>();
            BlockingQueue<String> secondPresses = new LinkedBlockingQueue<>();
            first.buttons().addListener(firstPresses::add);
            second.buttons().addListener(secondPresses::add);
            first.buttons().start();
            second.buttons().start();

            ((SimButtons) second.buttons()).press("A");
            first.leds().set("A", LedState.BLINK);

            assertThat(secondPresses.poll(2, TimeUnit.SECONDS)).isEqualTo("A");
            assertThat(firstPresses.poll(100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(second.leds().state("A")).isEqualTo(LedState.OFF);
        }
    }
}
