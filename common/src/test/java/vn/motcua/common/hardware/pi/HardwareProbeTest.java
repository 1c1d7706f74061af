package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.HardwareWiring;

class HardwareProbeTest {
    private final Context pi4j = Pi4jContexts.forMock();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private static HardwareWiring wiring(Optional<HardwareWiring.Lcd> lcd) {
        return new HardwareWiring(HardwareWiring.Profile.PI, Map.of("A", 5, "B", 6), Map.of("status", 26), 30, lcd);
    }

    @Test
    void reports_nothing_when_every_pin_opens() {
        assertThat(HardwareProbe.probe(wiring(Optional.empty()), pi4j)).isEmpty();
    }

    @Test
    void releases_the_pins_it_opened_so_a_second_probe_works() {
        HardwareProbe.probe(wiring(Optional.empty()), pi4j);

        assertThat(HardwareProbe.probe(wiring(Optional.empty()), pi4j)).isEmpty();
    }

    @Test
    void reports_an_lcd_that_does_not_answer() {
        List<String> problems = HardwareProbe.probe(wiring(Optional.of(new HardwareWiring.Lcd(1, 0x27, 20, 4))), pi4j);

        assertThat(problems).containsExactly("lcd: no device at I2C bus 1 address 0x27");
    }

    @Test
    void reports_a_pin_that_cannot_be_opened() {
        pi4j.create(com.pi4j.io.gpio.digital.DigitalInput.newConfigBuilder(pi4j).id("probe-button-A").address(5));

        assertThat(HardwareProbe.probe(wiring(Optional.empty()), pi4j))
                .singleElement().asString().startsWith("button A: cannot open GPIO 5 (");
    }

    @Test
    void has_nothing_to_probe_in_the_sim_profile() {
        assertThat(HardwareProbe.probe(HardwareWiring.sim(List.of("A"), List.of()))).isEmpty();
    }
}
