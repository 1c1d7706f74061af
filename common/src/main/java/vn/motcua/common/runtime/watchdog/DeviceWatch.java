package vn.motcua.common.runtime.watchdog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.watchdog.RestartLog.SafeMode;
import vn.motcua.common.state.StateException;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.state.Tx;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.common.uplink.Uplink;

/**
 * The runtime's side of SPEC section 11's watchdog: decides at start whether the device runs in safe mode (one
 * component off after {@link RestartLog#LIMIT} restarts it caused within {@link RestartLog#WINDOW}), then watches the
 * loops of every component that runs (input, outbox, mqtt, management, app) and pings systemd while they go round.
 */
public final class DeviceWatch {
    /** How late a self-check beat (management's executor, the app's scheduler) may come, at least. */
    static final Duration SELF_CHECK_DEADLINE = Duration.ofSeconds(30);

    private final HealthModel health;
    private final Map<String, String> env;
    private final Optional<SafeMode> safeMode;
    private final Ending ending;
    private Watchdog watchdog;

    /**
     * Reads the restart rows of {@code store}; {@code env} is the process environment ({@code NOTIFY_SOCKET},
     * {@code WATCHDOG_USEC}).
     */
    public DeviceWatch(StateStore store, Path stateDir, Clock clock, HealthModel health, String version,
                       Map<String, String> env) {
        this.health = health;
        this.env = env;
        RestartLog restarts = new RestartLog(store, clock);
        this.safeMode = safeMode(restarts);
        Path exitCause = UpdatePaths.under(Path.of("/"), stateDir).exitCause();
        this.ending = new ProcessEnd(restarts, version, exitCause, ProcessEnd::haltProcess);
    }

    private static Optional<SafeMode> safeMode(RestartLog restarts) {
        try {
            return restarts.safeMode();
        } catch (StateException e) {
            Logger.error("the restart rows cannot be read ({}); starting normally", e.getMessage());
            return Optional.empty();
        }
    }

    /** The safe mode of this run, if any. */
    public Optional<SafeMode> safeMode() {
        return safeMode;
    }

    /** Whether the app and the buttons that feed it start this run: not in safe mode for {@code app} or {@code input}. */
    public boolean appRuns() {
        return notOff(Components.APP) && notOff(Components.INPUT);
    }

    /**
     * Whether the uplink starts this run: not in safe mode for {@code outbox} or {@code mqtt} (both loops are the
     * uplink's; events are kept in the store and can be pulled with {@code GET /events} meanwhile).
     */
    public boolean uplinkRuns() {
        return notOff(Components.OUTBOX) && notOff(Components.MQTT);
    }

    /** Whether the component's loops run, and so are watched, this run. */
    boolean runs(String component) {
        return switch (component) {
            case Components.APP, Components.INPUT -> appRuns();
            case Components.OUTBOX, Components.MQTT -> uplinkRuns();
            default -> notOff(component);
        };
    }

    private boolean notOff(String component) {
        return safeMode.map(s -> !s.component().equals(component)).orElse(true);
    }

    /**
     * In safe mode: records {@code device.safe-mode} (once per start) and reports {@code safe-mode:<component>} as a
     * critical fault, so /health says {@code fault}.
     */
    public void announce(StateStore store, EventLog events) {
        safeMode.ifPresent(s -> {
            Logger.error("safe mode: {} caused {} restarts within {} minutes; it stays off until the device is restarted "
                    + "after they age out", s.component(), s.restarts(), RestartLog.WINDOW.toMinutes());
            Consumer<Tx> record = tx -> events.record(tx, "device.safe-mode",
                    Json.object().put("restarts", s.restarts()).put("component", s.component()));
            try {
                store.inTransaction(tx -> {
                    record.accept(tx);
                    return null;
                });
            } catch (StateException e) {
                if (e.fault().isEmpty()) {
                    throw e;
                }
                store.deferUntilWritable(record);
                Logger.error("device.safe-mode not recorded yet: the state disk refuses writes ({}); it is recorded "
                        + "once the disk takes writes again", e.fault().get().wire());
            }
            health.register("safe-mode:" + s.component(), true, ComponentStatus.fault("restarts-" + s.restarts()));
        });
    }

    /**
     * Starts watching: the heartbeats registered in the health model (input), the uplink's connect and drain loops,
     * and self-check beats run on the management server's executor and on the app's scheduler (when the app runs); then tells systemd the runtime is ready.
     */
    public synchronized void start(Uplink uplink, Executor management, Executor app) {
        Duration period = Watchdog.period(env);
        Duration selfCheckDeadline = period.multipliedBy(3).compareTo(SELF_CHECK_DEADLINE) > 0
                ? period.multipliedBy(3) : SELF_CHECK_DEADLINE;
        List<Runnable> selfChecks = new ArrayList<>();
        if (runs(Components.MANAGEMENT)) {
            selfChecks.add(selfCheck(management, health.heartbeat(Components.MANAGEMENT, selfCheckDeadline)));
        }
        if (runs(Components.APP)) {
            selfChecks.add(selfCheck(app, health.heartbeat(Components.APP, selfCheckDeadline)));
        }
        watchdog = new Watchdog(SystemdNotifier.fromEnvironment(env), () -> beats(uplink),
                () -> selfChecks.forEach(Runnable::run), ending);
        watchdog.start(period, safeMode.map(s -> "safe mode: " + s.component() + " off after " + s.restarts()
                + " restarts").orElse("running"));
    }

    /** Stops watching, before the loops stop. */
    public synchronized void stop() {
        if (watchdog != null) {
            watchdog.stop();
        }
    }

    private List<Beat> beats(Uplink uplink) {
        List<Beat> beats = new ArrayList<>();
        for (Heartbeat h : health.heartbeats()) {
            if (runs(h.component())) {
                beats.add(Beat.of(h));
            }
        }
        uplink.loops().forEach(loop -> Components.ofLoop(loop.loop()).filter(this::runs)
                .ifPresent(component -> beats.add(Beat.of(component, loop))));
        return beats;
    }

    private static Runnable selfCheck(Executor executor, Heartbeat beat) {
        return () -> {
            try {
                executor.execute(beat::beat);
            } catch (RejectedExecutionException e) {
                Logger.debug("{} self-check not run: {}", beat.component(), e.getMessage());
            }
        };
    }
}
