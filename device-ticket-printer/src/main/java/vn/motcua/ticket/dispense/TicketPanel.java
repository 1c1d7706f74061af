package vn.motcua.ticket.dispense;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.escpos.PrinterCondition;

/**
 * The display and LEDs: idle screen, the ticket just printed for a few seconds, fault messages while the printer
 * cannot print; service LEDs lit while tickets can be printed, the status LED blinking on a printer fault.
 */
public final class TicketPanel {
    public static final String STATUS_LED = "status";

    private final Optional<TextDisplay> display;
    private final Leds leds;
    private final ScheduledExecutorService scheduler;
    private final long flashMillis;
    private TicketConfig config;
    private PrinterCondition condition = PrinterCondition.OK;
    private ScheduledFuture<?> flash;

    public TicketPanel(Optional<TextDisplay> display, Leds leds, ScheduledExecutorService scheduler, long flashMillis) {
        this.display = display;
        this.leds = leds;
        this.scheduler = scheduler;
        this.flashMillis = flashMillis;
    }

    public synchronized void configure(TicketConfig newConfig) {
        config = newConfig;
        refresh();
    }

    public synchronized void printer(PrinterCondition newCondition) {
        condition = newCondition;
        refresh();
    }

    /** Shows these lines for a few seconds (unless the printer faults meanwhile), then the normal screen. */
    public synchronized void flash(List<String> lines) {
        cancelFlash();
        display.ifPresent(d -> d.show(lines));
        try {
            flash = scheduler.schedule(this::endFlash, flashMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.info("device stopping; the display keeps its last message");
        }
    }

    private synchronized void endFlash() {
        flash = null;
        refresh();
    }

    private void refresh() {
        if (config == null) {
            return;
        }
        boolean canPrint = condition.canPrint() && !config.services().isEmpty();
        for (String led : leds.names()) {
            boolean service = config.services().stream().map(Service::button).anyMatch(led::equals);
            if (!led.equals(STATUS_LED)) {
                leds.set(led, service && canPrint ? LedState.ON : LedState.OFF);
            }
        }
        leds.set(STATUS_LED, condition == PrinterCondition.OK ? LedState.ON : LedState.BLINK);
        if (!condition.canPrint()) {
            cancelFlash();
            display.ifPresent(d -> d.show(PanelTexts.fault(condition)));
        } else if (flash == null) {
            display.ifPresent(d -> d.show(config.services().isEmpty() ? PanelTexts.notConfigured() : PanelTexts.idle(config)));
        }
    }

    private void cancelFlash() {
        if (flash != null) {
            flash.cancel(false);
            flash = null;
        }
    }
}
