package vn.motcua.rating.pad;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.Leds;
import vn.motcua.common.hardware.TextDisplay;
import vn.motcua.rating.session.Level;
import vn.motcua.rating.session.PadView;

/**
 * Shows a pad view on the display and the LEDs: level LEDs lit while a rating would count, the "unsatisfied" and
 * status LEDs blinking while reasons are asked; reasons that do not fit the rows page every few seconds. Only
 * changes of what it wants are written, so the identify action's blinking is left alone until it restores.
 */
public final class PadPresenter {
    static final Duration PAGE = Duration.ofSeconds(3);
    public static final String STATUS_LED = "status";

    private final Optional<TextDisplay> display;
    private final Leds leds;
    private final Clock clock;
    private final ScreenText text;
    private Instant askingSince;
    private List<String> shown;
    private final Map<String, LedState> ledsSet = new HashMap<>();

    public PadPresenter(Optional<TextDisplay> display, Leds leds, Clock clock) {
        this.display = display;
        this.leds = leds;
        this.clock = clock;
        this.text = display.map(d -> new ScreenText(d.columns(), d.rows())).orElse(new ScreenText(16, 2));
    }

    /** Brings the display and LEDs to this view; writes only what changed. */
    public synchronized void show(PadView view) {
        Instant now = clock.instant();
        boolean asking = view.mode() == PadView.Mode.ASKING;
        if (!asking) {
            askingSince = null;
        } else if (askingSince == null) {
            askingSince = now;
        }
        int page = asking ? (int) (Duration.between(askingSince, now).toMillis() / PAGE.toMillis()) : 0;
        List<String> lines = text.lines(view, page);
        if (!lines.equals(shown)) {
            display.ifPresent(d -> d.show(lines));
            shown = lines;
        }
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
