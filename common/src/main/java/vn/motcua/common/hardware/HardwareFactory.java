package vn.motcua.common.hardware;

import com.pi4j.context.Context;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.tinylog.Logger;
import vn.motcua.common.hardware.pi.Hd44780Lcd;
import vn.motcua.common.hardware.pi.Pi4jContexts;
import vn.motcua.common.hardware.pi.PiGpio;
import vn.motcua.common.hardware.sim.SimButtons;
import vn.motcua.common.hardware.sim.SimControls;
import vn.motcua.common.hardware.sim.SimDisplay;
import vn.motcua.common.hardware.sim.SimLeds;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.runtime.DeviceThreads;

/** Builds a device's {@link Hardware} for the wiring's profile: Pi4J on gpiod and I2C, or the simulation. */
public final class HardwareFactory {
    public static final String BUTTONS = PiGpio.BUTTONS;
    public static final String LEDS = PiGpio.LEDS;
    public static final String LCD = Hd44780Lcd.COMPONENT;
    /** Size of the simulated display when the wiring has no LCD. */
    public static final int SIM_COLUMNS = 20;
    public static final int SIM_ROWS = 4;
    /** The thread the buttons are polled on, of their own (see {@link Ticker}). */
    static final String POLL_THREAD = "button-poll";

    private HardwareFactory() {
    }

    /** As {@link #create(HardwareWiring, HealthModel, ScheduledExecutorService, Clock)} on the system clock. */
    public static Hardware create(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler) {
        return create(wiring, health, scheduler, Clock.systemUTC());
    }

    /**
     * Builds the hardware and registers its components ({@code buttons}, {@code leds}, {@code lcd}) in the
     * health model; GPIO that cannot be used, pins that cannot be opened and a missing LCD are reported there and
     * retried, never thrown. Buttons still need {@link Buttons#start()}.
     */
    public static Hardware create(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler,
                                  Clock clock) {
        return create(wiring, health, scheduler, clock, Pi4jContexts::forPi);
    }

    /** As above, with the Pi profile's Pi4J contexts made by {@code piContexts} (tests make it fail). */
    static Hardware create(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler, Clock clock,
                           Supplier<Context> piContexts) {
        register(health, BUTTONS, !wiring.buttons().isEmpty());
        register(health, LEDS, !wiring.leds().isEmpty());
        register(health, LCD, wiring.lcd().isPresent());
        return wiring.profile() == HardwareWiring.Profile.SIM
                ? sim(wiring, health, scheduler, clock)
                : pi(wiring, health, scheduler, clock, piContexts);
    }

    private static Hardware sim(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler,
                                Clock clock) {
        Context pi4j = Pi4jContexts.forMock();
        SimButtons buttons = new SimButtons(pi4j, wiring, clock, buttonPolls(), health);
        SimLeds leds = SimLeds.open(pi4j, wiring.leds(), scheduler);
        SimDisplay display = wiring.lcd()
                .map(lcd -> new SimDisplay(lcd.columns(), lcd.rows(), false))
                .orElseGet(() -> new SimDisplay(SIM_COLUMNS, SIM_ROWS, false));
        Logger.info("simulated hardware: buttons {} on mock GPIO, LEDs {}", buttons.names(), leds.names());
        return new Hardware(HardwareWiring.Profile.SIM, buttons, leds, display,
                Optional.of(new SimControls(buttons, leds, display)), () -> {
                    buttons.stop();
                    leds.stop();
                    pi4j.shutdown();
                });
    }

    private static Hardware pi(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler,
                               Clock clock, Supplier<Context> piContexts) {
        PiGpio gpio = new PiGpio(wiring, health, scheduler, buttonPolls(), clock, piContexts);
        gpio.open();
        return new Hardware(HardwareWiring.Profile.PI, gpio.buttons(), gpio.leds(), gpio.display().orElse(null),
                Optional.empty(), gpio::close);
    }

    /** The buttons' polls, on a thread of their own: a slow task on the shared scheduler never holds them up. */
    private static Ticker buttonPolls() {
        return Ticker.ownThread(DeviceThreads.named(POLL_THREAD));
    }

    private static void register(HealthModel health, String component, boolean present) {
        if (present && health.status(component) == null) {
            health.register(component, false, ComponentStatus.OK);
        }
    }
}
