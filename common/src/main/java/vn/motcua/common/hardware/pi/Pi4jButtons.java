package vn.motcua.common.hardware.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.tinylog.Logger;
import vn.motcua.common.hardware.ButtonListener;
import vn.motcua.common.hardware.Buttons;
import vn.motcua.common.hardware.Debouncer;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.Ticker;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.runtime.DeviceThreads;

/**
 * Buttons on GPIO inputs (pull-up, pressed = LOW). Every input is watched twice, through Pi4J's state-change
 * events and by polling its level every {@value #POLL_MILLIS} ms (gpiod in Pi4J 2.8 can miss edges); both
 * feed one {@link Debouncer} per button, so a press is reported exactly once, on a dispatch thread of its own.
 * Each poll beats the {@code input} heartbeat of the health model, if one was given, for the runtime's watchdog.
 */
public final class Pi4jButtons implements Buttons {
    public static final long POLL_MILLIS = 50;
    /** The watchdog takes the buttons as hung when no poll ran for this long. */
    public static final Duration POLL_DEADLINE = Duration.ofSeconds(10);

    private final Context pi4j;
    private final HardwareWiring wiring;
    private final Clock clock;
    private final Ticker ticker;
    private final HealthModel health;
    private volatile Heartbeat heartbeat;
    private final List<ButtonListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private final Set<String> failed = new LinkedHashSet<>();
    private boolean opened;
    private volatile ExecutorService dispatch;
    private Ticker.Stop polling;

    private static final class Button {
        final String name;
        final DigitalInput input;
        Debouncer debouncer;
        DigitalStateChangeListener listener;

        Button(String name, DigitalInput input) {
            this.name = name;
            this.input = input;
        }
    }

    /** Buttons polled on {@code ticker} (a device: {@link Ticker#ownThread}). */
    public Pi4jButtons(Context pi4j, HardwareWiring wiring, Clock clock, Ticker ticker) {
        this(pi4j, wiring, clock, ticker, null);
    }

    /** Buttons whose polling, once started, beats an {@code input} heartbeat of {@code health}. */
    public Pi4jButtons(Context pi4j, HardwareWiring wiring, Clock clock, Ticker ticker, HealthModel health) {
        this.pi4j = pi4j;
        this.wiring = wiring;
        this.clock = clock;
        this.ticker = ticker;
        this.health = health;
    }

    /** Opens the GPIO inputs (once); returns the names of buttons whose pin could not be opened. */
    public synchronized Set<String> open() {
        if (!opened) {
            opened = true;
            wiring.buttons().forEach(this::openInput);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(failed));
    }

    private void openInput(String name, int pin) {
        try {
            DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id("button-" + name)
                    .name("button " + name)
                    .address(pin)
                    .pull(PullResistance.PULL_UP)
                    .debounce(0L));
            buttons.put(name, new Button(name, input));
        } catch (RuntimeException e) {
            failed.add(name);
            Logger.error("button {} on GPIO {} cannot be opened ({}); it will not work until the device restarts",
                    name, pin, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (dispatch != null) {
            return;
        }
        open();
        dispatch = Executors.newSingleThreadExecutor(DeviceThreads.named("motcua-buttons"));
        for (Button b : buttons.values()) {
            b.debouncer = new Debouncer(clock, wiring.debounceMillis(), heldAtStart(b));
            b.listener = event -> sample(b, event.state() == DigitalState.LOW);
            b.input.addListener(b.listener);
        }
        if (buttons.isEmpty()) {
            // a kiosk, or no pin could be opened (reported by open()): nothing to poll and no loop to watch, so no
            // thread waking 20 times a second for nothing
            Logger.info("no buttons to watch");
            return;
        }
        if (health != null && heartbeat == null) {
            heartbeat = health.heartbeat(Components.INPUT, POLL_DEADLINE);
        }
        polling = ticker.every(POLL_MILLIS, this::poll);
        Logger.info("watching buttons {} (debounce {} ms, polling every {} ms)",
                buttons.keySet(), wiring.debounceMillis(), POLL_MILLIS);
    }

    private static boolean heldAtStart(Button b) {
        try {
            boolean held = b.input.state() == DigitalState.LOW;
            if (held) {
                Logger.warn("button {} is held down at start; its next press counts after it is released", b.name);
            }
            return held;
        } catch (RuntimeException e) {
            Logger.warn("button {} could not be read at start ({}); taking it as released", b.name, e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void stop() {
        if (dispatch == null) {
            return;
        }
        if (polling != null) {
            polling.stop();
            polling = null;
        }
        for (Button b : buttons.values()) {
            b.input.removeListener(b.listener);
        }
        dispatch.shutdown();
        dispatch = null;
        Logger.info("stopped watching buttons");
    }

    /** Reads every input once; the ticker calls this every {@value #POLL_MILLIS} ms. */
    void poll() {
        Heartbeat h = heartbeat;
        if (h != null) {
            h.beat();
        }
        for (Button b : buttons.values()) {
            try {
                synchronized (b.debouncer) {
                    report(b, b.debouncer.observe(b.input.state() == DigitalState.LOW));
                }
            } catch (RuntimeException e) {
                Logger.warn("reading button {} failed ({}); trying again at the next poll", b.name, e.getMessage());
            }
        }
    }

    private void sample(Button b, boolean closed) {
        synchronized (b.debouncer) {
            report(b, b.debouncer.observe(closed));
        }
    }

    private void report(Button b, Debouncer.Change change) {
        if (change != Debouncer.Change.PRESSED) {
            return;
        }
        ExecutorService d = dispatch;
        if (d == null) {
            return;
        }
        Logger.info("button {} pressed", b.name);
        d.execute(() -> deliver(b.name));
    }

    private void deliver(String name) {
        for (ButtonListener l : listeners) {
            try {
                l.pressed(name);
            } catch (RuntimeException e) {
                Logger.error(e, "a listener failed on the press of button {}; the next listeners still hear it", name);
            }
        }
    }

    @Override
    public void addListener(ButtonListener listener) {
        listeners.add(listener);
    }

    @Override
    public Set<String> names() {
        return wiring.buttons().keySet();
    }

    /** The Pi4J input of a button, once opened (the simulation drives the mock input through it). */
    public synchronized Optional<DigitalInput> input(String name) {
        Button b = buttons.get(name);
        return Optional.ofNullable(b == null ? null : b.input);
    }
}
