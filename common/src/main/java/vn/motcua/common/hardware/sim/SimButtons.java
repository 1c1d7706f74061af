package vn.motcua.common.hardware.sim;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import vn.motcua.common.hardware.ButtonListener;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.Ticker;
import vn.motcua.common.hardware.pi.Pi4jButtons;
import vn.motcua.common.health.HealthModel;

/**
 * Simulated buttons: the real {@link Pi4jButtons} over Pi4J mock inputs, pressed by driving a mock input
 * LOW then HIGH. Simulated contacts do not bounce, so debouncing runs with 0 ms and back-to-back
 * presses all count.
 */
public final class SimButtons implements Buttons {
    private final Pi4jButtons buttons;

    /** The context must hold Pi4J's mock digital input provider (see Pi4jContexts.forMock()). */
    public SimButtons(Context mockPi4j, HardwareWiring wiring, Clock clock, Ticker ticker) {
        this(mockPi4j, wiring, clock, ticker, null);
    }

    /** As above, with the polling beating an {@code input} heartbeat of {@code health} (see {@link Pi4jButtons}). */
    public SimButtons(Context mockPi4j, HardwareWiring wiring, Clock clock, Ticker ticker, HealthModel health) {
        this.buttons = new Pi4jButtons(mockPi4j, wiring.withDebounceMillis(0), clock, ticker, health);
    }

    /** Presses and releases a button; false when no button has that name. */
    public boolean press(String name) {
        Optional<MockDigitalInput> input = mock(name);
        if (input.isEmpty()) {
            return false;
        }
        input.get().mockState(DigitalState.LOW);
        input.get().mockState(DigitalState.HIGH);
        return true;
    }

    @Override
    public synchronized void start() {
        buttons.open();
        for (String name : names()) {
            mock(name).ifPresent(input -> input.mockState(DigitalState.HIGH));
        }
        buttons.start();
    }

    @Override
    public void stop() {
        buttons.stop();
    }

    @Override
    public void addListener(ButtonListener listener) {
        buttons.addListener(listener);
    }

    @Override
    public Set<String> names() {
        return buttons.names();
    }

    private Optional<MockDigitalInput> mock(String name) {
        return buttons.input(name).map(MockDigitalInput.class::cast);
    }
}
