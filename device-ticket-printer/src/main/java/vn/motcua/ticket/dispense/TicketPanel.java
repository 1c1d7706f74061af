package vn.motcua.ticket.dispense;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tinylog.Logger;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.printer.PrinterCondition;

/**
 * The display and LEDs, drawn from press results and the gate's printer condition (asked at every redraw, never
 * copied): idle screen, the ticket just printed for {@link #FLASH}, "please wait" for {@link #NOTICE} after a press
 * too soon after the last ticket, fault messages while the printer cannot print (they win over the rest); service LEDs
 * lit while tickets can be printed, the status LED blinking on a printer fault. Screens go through the display's
 * paging rule, so a long line pages rather than being cut.
 */
public final class TicketPanel {
    public static final String STATUS_LED = "status";
    public static final Duration FLASH = Duration.ofSeconds(5);
    public static final Duration NOTICE = Duration.ofSeconds(2);

    private final Optional<PagedDisplay> display;
    private final Leds leds;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final PrinterGate gate;
    private TicketConfig config;
    private Shown flash;
    private Shown notice;

    /** A screen shown until a moment, then the one under it comes back. */
    private record Shown(List<String> lines, Instant until) {
    }

    public TicketPanel(Optional<PagedDisplay> display, Leds leds, Clock clock, ScheduledExecutorService scheduler,
                       PrinterGate gate) {
        this.display = display;
        this.leds = leds;
        this.clock = clock;
        this.scheduler = scheduler;
        this.gate = gate;
    }

    public synchronized void configure(TicketConfig newConfig) {
        config = newConfig;
        refresh();
    }

    /** Redraws for the gate's new printer condition. */
    public synchronized void printerChanged() {
        refresh();
    }

    /**
     * Draws what a press came to: the ticket, please wait, or why none was given. A refusal or a voided ticket needs
     * nothing more: the gate noticed the printer's fault while the press was handled and the panel redrew for it.
     */
    public void show(PressResult result) {
        if (result instanceof PressResult.Printed p) {
            flash(PanelTexts.ticket(p.ticket(), p.service()));
        } else if (result instanceof PressResult.TooSoon) {
            pleaseWait();
        } else if (result instanceof PressResult.NotRecorded) {
            flash(PanelTexts.notRecorded());
        } else if (result instanceof PressResult.Exhausted e) {
            flash(PanelTexts.exhausted(e.service()));
        }
    }

    /** Shows these lines for {@link #FLASH} (unless the printer faults meanwhile), then the normal screen. */
    private synchronized void flash(List<String> lines) {
        notice = null;
        flash = new Shown(List.copyOf(lines), clock.instant().plus(FLASH));
        refresh();
        wakeAt(FLASH.toMillis());
    }

    /** Says "please wait" for {@link #NOTICE} after a press that was ignored for coming too soon; then what was shown. */
    private synchronized void pleaseWait() {
        if (config == null) {
            return;
        }
        notice = new Shown(PanelTexts.pleaseWait(config.common().locale()), clock.instant().plus(NOTICE));
        refresh();
        wakeAt(NOTICE.toMillis());
    }

    private void wakeAt(long afterMillis) {
        try {
            scheduler.schedule(this::expire, afterMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.info("device stopping; the display keeps its last message");
        }
    }

    /** Brings back the screen under one that ended; woken early, it waits again for the one still showing. */
    private synchronized void expire() {
        refresh();
        Instant now = clock.instant();
        Stream.of(notice, flash).filter(Objects::nonNull)
                .mapToLong(s -> Duration.between(now, s.until()).toMillis()).min()
                .ifPresent(this::wakeAt);
    }

    private void refresh() {
        if (config == null) {
            return;
        }
        Instant now = clock.instant();
        notice = current(notice, now);
        flash = current(flash, now);
        PrinterCondition condition = gate.current();
        boolean canPrint = condition.canPrint() && !config.services().isEmpty();
        for (String led : leds.names()) {
            boolean service = config.services().stream().map(Service::button).anyMatch(led::equals);
            if (!led.equals(STATUS_LED)) {
                leds.set(led, service && canPrint ? LedState.ON : LedState.OFF);
            }
        }
        leds.set(STATUS_LED, condition == PrinterCondition.OK ? LedState.ON : LedState.BLINK);
        List<String> screen;
        if (!condition.canPrint()) {
            flash = null;
            notice = null;
            screen = PanelTexts.fault(condition);
        } else if (notice != null) {
            screen = notice.lines();
        } else if (flash != null) {
            screen = flash.lines();
        } else {
            screen = config.services().isEmpty() ? PanelTexts.notConfigured() : PanelTexts.idle(config);
        }
        display.ifPresent(d -> d.show(screen));
    }

    private static Shown current(Shown shown, Instant now) {
        return shown != null && now.isBefore(shown.until()) ? shown : null;
    }
}
