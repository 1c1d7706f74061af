package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.Hardware;
import vn.motcua.common.hardware.HardwareFactory;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

class PiContextOffPiTest {
    @Test
    void the_probe_reports_each_pin_it_cannot_open_off_a_pi() {
        assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this machine has GPIO");
        HardwareWiring wiring = new HardwareWiring(HardwareWiring.Profile.PI, Map.of("A", 5), Map.of(), 30,
                Optional.empty());

        List<String> problems = HardwareProbe.probe(wiring);

        assertThat(problems).singleElement().asString().startsWith("button A: cannot open GPIO 5 (");
    }

    @Test
    void the_pi_factory_reports_gpio_and_lcd_faults_in_health_instead_of_failing_off_a_pi() {
        assumeFalse(Files.exists(Path.of("/dev/gpiochip0")), "this machine has GPIO");
        assumeFalse(Files.exists(Path.of("/dev/i2c-1")), "this machine has an I2C bus 1");
        HardwareWiring wiring = new HardwareWiring(HardwareWiring.Profile.PI, Map.of("A", 5), Map.of("status", 26), 30,
                Optional.of(new HardwareWiring.Lcd(1, 0x27, 16, 2)));
        HealthModel health = new HealthModel();
        ManualScheduler scheduler = new ManualScheduler();

        try (Hardware hardware = HardwareFactory.create(wiring, health, scheduler)) {
            assertThat(health.status("buttons")).isEqualTo(ComponentStatus.fault("gpio-open-failed:A"));
            assertThat(health.status("leds")).isEqualTo(ComponentStatus.fault("gpio-open-failed:status"));
            assertThat(health.status("lcd")).isEqualTo(ComponentStatus.fault("i2c-error"));
            hardware.display().orElseThrow().show(List.of("Quầy 5"));
            assertThat(hardware.display().orElseThrow().lines()).first().isEqualTo("Quay 5          ");
            assertThat(scheduler.live()).hasSize(1);
        }
        assertThat(scheduler.live()).isEmpty();
    }
}
