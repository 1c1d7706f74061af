package vn.motcua.rating.pad;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.rating.session.Level;
import vn.motcua.rating.session.PadView;

/**
 * Shows a pad view on the display and the LEDs: level LEDs lit while a rating would count, the "unsatisfied" and
 * status LEDs blinking while reasons are asked. Screens go through the common paging rule ({@link PagedDisplay}), so
 * reasons that do not fit page rather than being cut. Only changes of what it wants are written, so the identify
 * action's blinking is left alone until it restores.
 */
public final class PadPresenter {
    public static final String STATUS_LED = "status";

    private final Optional<PagedDisplay> display;
    private final Leds leds;
    private final ScreenText text;
    private final Map<String, LedState> ledsSet = new HashMap<>();

    public PadPresenter(Optional<TextDisplay> display, Leds leds, Clock clock, ScheduledExecutorService scheduler) {
        this.display = display.map(d -> new PagedDisplay(d, clock, scheduler));
        this.leds = leds;
        this.text = display.map(d -> new ScreenText(d.columns(), d.rows())).orElse(new ScreenText(16, 2));
    }

    /** Brings the display and LEDs to this view; writes only what changed. */
    public synchronized void show(PadView view) {
        boolean asking = view.mode() == PadView.Mode.ASKING;
        display.ifPresent(d -> d.show(text.lines(view)));
        for (Level level : Level.values()) {
            LedState state = asking
                    ? (level == Level.UNSATISFIED ? LedState.BLINK : LedState.OFF)
                    : (view.canRate() ? LedState.ON : LedState.OFF);
            setIfChanged(level.wire(), state);
        }
        setIfChanged(STATUS_LED, asking ? LedState.BLINK : LedState.ON);
    }

    private void setIfChanged(String led, LedState state) {
        if (ledsSet.put(led, state) != state) {
            leds.set(led, state);
        }
    }
}
