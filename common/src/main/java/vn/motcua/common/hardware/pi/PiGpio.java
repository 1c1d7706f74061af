package vn.motcua.common.hardware.pi;

import com.pi4j.context.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.Ticker;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.HealthModel;

/**
 * A Pi's buttons, LEDs and LCD on one Pi4J context. When the context cannot start (no gpiod, not a Pi) the ports
 * still exist: buttons, LEDs and LCD report {@code fault:gpio-unavailable} and the context is tried again every
 * {@value #RETRY_SECONDS} s; once it starts, the ports attach to the real pins and what was set meanwhile is shown.
 */
public final class PiGpio implements AutoCloseable {
    public static final String BUTTONS = "buttons";
    public static final String LEDS = "leds";
    public static final long RETRY_SECONDS = 10;
    static final long LCD_RETRY_SECONDS = 5;
    static final String UNAVAILABLE = "gpio-unavailable";

    private final HardwareWiring wiring;
    private final HealthModel health;
    private final ScheduledExecutorService scheduler;
    private final Ticker buttonPolls;
    private final Clock clock;
    private final Supplier<Context> contexts;
    private final LateButtons buttons;
    private final LateLeds leds;
    private final LateDisplay display;
    private Context pi4j;
    private Pi4jButtons realButtons;
    private Pi4jLeds realLeds;
    private Pi4jI2cBus lcdBus;
    private ScheduledFuture<?> lcdRefresh;
    private ScheduledFuture<?> retry;
    private boolean closed;

    /** The buttons are polled on {@code buttonPolls}; retries, the LEDs' blinking and the LCD run on {@code scheduler}. */
    public PiGpio(HardwareWiring wiring, HealthModel health, ScheduledExecutorService scheduler, Ticker buttonPolls,
                  Clock clock, Supplier<Context> contexts) {
        this.wiring = wiring;
        this.health = health;
        this.scheduler = scheduler;
        this.buttonPolls = buttonPolls;
        this.clock = clock;
        this.contexts = contexts;
        this.buttons = new LateButtons(wiring.buttons().keySet());
        this.leds = new LateLeds(wiring.leds().keySet());
        this.display = wiring.lcd().map(lcd -> new LateDisplay(lcd.columns(), lcd.rows())).orElse(null);
    }

    /** Starts the Pi4J context and opens the pins, or reports the fault and keeps trying in the background. */
    public synchronized void open() {
        if (closed || pi4j != null) {
            return;
        }
        try {
            pi4j = contexts.get();
        } catch (RuntimeException | LinkageError e) {
            if (retry == null) {
                Logger.error("GPIO unavailable: Pi4J with gpiod cannot start ({}); buttons, LEDs and LCD stay off, "
                        + "trying again every {} s", e.getMessage(), RETRY_SECONDS);
                report(ComponentStatus.fault(UNAVAILABLE));
                retry = scheduler.scheduleWithFixedDelay(this::open, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
            }
            return;
        }
        if (retry != null) {
            retry.cancel(false);
            retry = null;
            Logger.info("GPIO available again; opening buttons, LEDs and LCD");
            report(ComponentStatus.OK);
        }
        attach();
    }

    private void attach() {
        realButtons = new Pi4jButtons(pi4j, wiring, clock, buttonPolls, health);
        reportFailed(BUTTONS, realButtons.open());
        buttons.attach(realButtons);
        realLeds = Pi4jLeds.open(pi4j, wiring.leds(), scheduler);
        reportFailed(LEDS, realLeds.failed());
        leds.attach(realLeds);
        wiring.lcd().ifPresent(config -> {
            lcdBus = new Pi4jI2cBus(pi4j, "lcd", config.bus(), config.address());
            Hd44780Lcd lcd = new Hd44780Lcd(lcdBus, config.columns(), config.rows(), health);
            display.attach(lcd);
            lcdRefresh = scheduler.scheduleWithFixedDelay(lcd::refresh, LCD_RETRY_SECONDS, LCD_RETRY_SECONDS, TimeUnit.SECONDS);
        });
    }

    public Buttons buttons() {
        return buttons;
    }

    public Leds leds() {
        return leds;
    }

    public Optional<TextDisplay> display() {
        return Optional.ofNullable(display);
    }

    /** Stops trying, stops the buttons, switches the LEDs off and releases the GPIO and the I2C bus. */
    @Override
    public synchronized void close() {
        closed = true;
        if (retry != null) {
            retry.cancel(false);
        }
        buttons.stop();
        if (realLeds != null) {
            realLeds.stop();
        }
        if (lcdRefresh != null) {
            lcdRefresh.cancel(false);
            lcdBus.close();
        }
        if (pi4j != null) {
            pi4j.shutdown();
        }
    }

    private void report(ComponentStatus status) {
        for (String component : List.of(BUTTONS, LEDS, Hd44780Lcd.COMPONENT)) {
            if (health.status(component) != null) {
                health.report(component, status);
            }
        }
    }

    private void reportFailed(String component, Set<String> failed) {
        if (!failed.isEmpty()) {
            health.report(component, ComponentStatus.fault("gpio-open-failed:" + String.join(",", failed)));
        }
    }
}
