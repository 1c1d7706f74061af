package vn.motcua.common.hardware;

import com.pi4j.context.Context;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.pi.Hd44780Lcd;
import vn.motcua.common.hardware.pi.Pi4jButtons;
import vn.motcua.common.hardware.pi.Pi4jContexts;
import vn.motcua.common.hardware.pi.Pi4jI2cBus;
import vn.motcua.common.hardware.pi.Pi4jLeds;
import vn.motcua.common.hardware.sim.SimButtons;
import vn.motcua.common.hardware.sim.SimDisplay;
import vn.motcua.common.hardware.sim.SimLeds;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

/** Builds a device's {@link Hardware} for the wiring's profile: Pi4J on gpiod and I2C, or the simulation. */
public final class HardwareFactory {
    public static final String BUTTONS = "buttons";
    public static final String LEDS = "leds";
    public static final String LCD = Hd44780Lcd.COMPONENT;
    /** Size of the simulated display when the wiring has no LCD. */
    public static final int SIM_COLUMNS = 20;
    public static final int SIM_ROWS = 4;
    static final long LCD_RETRY_SECONDS = 5;

    private HardwareFactory() {
    }

    /** As {@link #create(HardwareWiring, HealthModel, ScheduledExecutorService, Clock)} on the system clock. */
    public static Hardware create(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler) {
        return create(wiring, health, scheduler, Clock.systemUTC());
    }

    /**
     * Builds the hardware and registers its components ({@code buttons}, {@code leds}, {@code lcd}) in the
     * health model; pins that cannot be opened and a missing LCD are reported there, not thrown. Buttons
     * still need {@link Buttons#start()}. Throws {@link IllegalStateException} when the Pi's GPIO cannot be used at all.
     */
    public static Hardware create(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler,
                                  Clock clock) {
        register(health, BUTTONS, !wiring.buttons().isEmpty());
        register(health, LEDS, !wiring.leds().isEmpty());
        register(health, LCD, wiring.lcd().isPresent());
        return wiring.profile() == HardwareWiring.Profile.SIM
                ? sim(wiring, scheduler, clock)
                : pi(wiring, health, scheduler, clock);
    }

    private static Hardware sim(HardwareWiring wiring, ScheduledExecutorService scheduler, Clock clock) {
        Context pi4j = Pi4jContexts.forMock();
        SimButtons buttons = new SimButtons(pi4j, wiring, clock, scheduler);
        SimLeds leds = SimLeds.open(pi4j, wiring.leds(), scheduler);
        SimDisplay display = wiring.lcd()
                .map(lcd -> new SimDisplay(lcd.columns(), lcd.rows(), false))
                .orElseGet(() -> new SimDisplay(SIM_COLUMNS, SIM_ROWS, false));
        Logger.info("simulated hardware: buttons {} on mock GPIO, LEDs {}", buttons.names(), leds.names());
        return new Hardware(HardwareWiring.Profile.SIM, buttons, leds, display, () -> {
            buttons.stop();
            leds.stop();
            pi4j.shutdown();
        });
    }

    private static Hardware pi(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler,
                               Clock clock) {
        Context pi4j;
        try {
            pi4j = Pi4jContexts.forPi();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("GPIO unavailable: Pi4J with gpiod cannot start (" + e.getMessage() + ")", e);
        }
        Pi4jButtons buttons = new Pi4jButtons(pi4j, wiring, clock, scheduler);
        reportFailed(health, BUTTONS, buttons.open());
        Pi4jLeds leds = Pi4jLeds.open(pi4j, wiring.leds(), scheduler);
        reportFailed(health, LEDS, leds.failed());
        Hd44780Lcd lcd = null;
        Pi4jI2cBus bus = null;
        ScheduledFuture<?> retry = null;
        if (wiring.lcd().isPresent()) {
            HardwareWiring.Lcd config = wiring.lcd().get();
            bus = new Pi4jI2cBus(pi4j, "lcd", config.bus(), config.address());
            lcd = new Hd44780Lcd(bus, config.columns(), config.rows(), health);
            lcd.show(List.of());
            retry = scheduler.scheduleWithFixedDelay(lcd::refresh, LCD_RETRY_SECONDS, LCD_RETRY_SECONDS, TimeUnit.SECONDS);
        }
        Pi4jI2cBus lcdBus = bus;
        ScheduledFuture<?> lcdRetry = retry;
        return new Hardware(HardwareWiring.Profile.PI, buttons, leds, lcd, () -> {
            buttons.stop();
            leds.stop();
            if (lcdRetry != null) {
                lcdRetry.cancel(false);
                lcdBus.close();
            }
            pi4j.shutdown();
        });
    }

    private static void register(HealthModel health, String component, boolean present) {
        if (present && health.status(component) == null) {
            health.register(component, false, ComponentStatus.OK);
        }
    }

    private static void reportFailed(HealthModel health, String component, Set<String> failed) {
        if (!failed.isEmpty()) {
            health.report(component, ComponentStatus.fault("gpio-open-failed:" + String.join(",", failed)));
        }
    }
}
