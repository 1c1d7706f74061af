package vn.motcua.common.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.pi.Pi4jContexts;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

class GpioUnavailableTest {
    private final HardwareWiring wiring = new HardwareWiring(HardwareWiring.Profile.PI, Map.of("A", 5),
            Map.of("status", 26), 30, Optional.empty());
    private final HealthModel health = new HealthModel();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicReference<Context> available = new AtomicReference<>();

    private Context context() {
        Context pi4j = available.get();
        if (pi4j == null) {
            throw new IllegalStateException("no gpiochip");
        }
        return pi4j;
    }

    @Test
    void gpio_that_cannot_start_is_a_fault_that_is_retried_and_recovers_with_what_was_set_meanwhile() {
        try (Hardware hardware = HardwareFactory.create(wiring, health, scheduler, Clock.systemUTC(), this::context)) {
            assertThat(health.status("buttons")).isEqualTo(ComponentStatus.fault("gpio-unavailable"));
            assertThat(health.status("leds")).isEqualTo(ComponentStatus.fault("gpio-unavailable"));
            hardware.buttons().start();
            hardware.leds().set("status", LedState.ON);
            scheduler.runDue();
            assertThat(health.status("leds")).as("still unavailable").isEqualTo(ComponentStatus.fault("gpio-unavailable"));

            Context mock = Pi4jContexts.forMock();
            available.set(mock);
            scheduler.runDue();

            assertThat(health.status("buttons")).isEqualTo(ComponentStatus.OK);
            assertThat(health.status("leds")).isEqualTo(ComponentStatus.OK);
            DigitalOutput led = mock.io("led-status");
            assertThat(led.state()).as("the LED set while GPIO was missing is lit").isEqualTo(DigitalState.HIGH);
            assertThat(hardware.leds().state("status")).isEqualTo(LedState.ON);
        }
    }
}
