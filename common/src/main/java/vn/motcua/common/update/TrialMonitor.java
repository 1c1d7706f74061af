package vn.motcua.common.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;

/**
 * The runtime's side of an update (SPEC section 11): records the launcher's last result once, watches a release on
 * trial and commits it after {@code updateTrialSeconds} of continuous health, or ends the process (exit 70,
 * {@code exit-cause} "not-healthy") when it is not committed {@link Prepare#TRIAL_DEADLINE} after its trial began; a
 * clean stop leaves {@code clean-stop} so the launcher does not count it as a crash.
 */
public final class TrialMonitor {
    public static final int EXIT_NOT_HEALTHY = 70;
    static final String LAST_RECORDED = "update.last-recorded";
    static final String COMMIT_RECORDED = "update.commit-recorded";

    private final UpdatePaths paths;
    private final String version;
    private final Clock clock;
    private final StateStore store;
    private final EventLog events;
    private final IntSupplier trialSeconds;
    private final BooleanSupplier healthy;
    private final IntConsumer exit;

    private UpdateState.Trial trial;
    private Instant healthySince;
    private boolean done;

    /**
     * @param trialSeconds the config's {@code updateTrialSeconds}, read at every look
     * @param healthy      state store open, management server started, MQTT connected (or no broker reachable)
     * @param exit         ends the process with the given code ({@code System::exit} in the runtime)
     */
    public TrialMonitor(UpdatePaths paths, String version, Clock clock, StateStore store, EventLog events,
                        IntSupplier trialSeconds, BooleanSupplier healthy, IntConsumer exit) {
        this.paths = paths;
        this.version = version;
        this.clock = clock;
        this.store = store;
        this.events = events;
        this.trialSeconds = trialSeconds;
        this.healthy = healthy;
        this.exit = exit;
    }

    /** Records the launcher's last result if not done yet; returns true when this release runs on trial. */
    public synchronized boolean start() {
        Optional<UpdateState> state;
        try {
            state = UpdateState.read(paths.stateFile());
        } catch (IOException | RuntimeException e) {
            Logger.warn("cannot read {}: {}; no trial watched", paths.stateFile(), e.getMessage());
            return false;
        }
        if (state.isEmpty()) {
            return false;
        }
        recordLast(state.get().last());
        UpdateState.Trial t = state.get().trial();
        if (t == null || !version.equals(t.version()) || committed()) {
            return false;
        }
        trial = t;
        Logger.info("release {} runs on trial since {} (starts {}): commits after {} s of health", version, t.since(),
                t.starts(), trialSeconds.getAsInt());
        return true;
    }

    /** One look at the trial (every second): commit after a healthy stretch, exit at the deadline. */
    public synchronized void tick() {
        if (trial == null || done) {
            return;
        }
        Instant now = clock.instant();
        if (healthy.getAsBoolean()) {
            if (healthySince == null) {
                healthySince = now;
            }
            if (!now.isBefore(healthySince.plusSeconds(trialSeconds.getAsInt()))) {
                commit();
                return;
            }
        } else {
            healthySince = null;
        }
        if (!now.isBefore(trial.since().plus(Prepare.TRIAL_DEADLINE))) {
            done = true;
            Logger.error("release {} was not healthy for {} s within {} min of its trial: ending it (exit {}) so the "
                    + "launcher goes back to {}", version, trialSeconds.getAsInt(), Prepare.TRIAL_DEADLINE.toMinutes(),
                    EXIT_NOT_HEALTHY, trial.previous());
            write(paths.exitCause(), "not-healthy");
            exit.accept(EXIT_NOT_HEALTHY);
        }
    }

    /** True while a trial is watched and not yet over. */
    public synchronized boolean watching() {
        return trial != null && !done;
    }

    /** The runtime stopped cleanly: the launcher does not count this end as a crash of a release on trial. */
    public static void stoppedCleanly(UpdatePaths paths, String version) {
        write(paths.cleanStop(), version);
    }

    private void commit() {
        done = true;
        store.inTransaction(tx -> {
            if (!version.equals(tx.meta(COMMIT_RECORDED).orElse(null))) {
                events.record(tx, "update.committed", Json.object().put("version", version).put("previous", trial.previous()));
                tx.putMeta(COMMIT_RECORDED, version);
            }
            return null;
        });
        write(paths.commit(), version);
        Logger.info("release {} committed after {} s of health; {} goes at the next start", version,
                trialSeconds.getAsInt(), trial.previous());
    }

    private boolean committed() {
        try {
            return Files.isRegularFile(paths.commit())
                    && version.equals(Files.readString(paths.commit(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return false;
        }
    }

    private void recordLast(UpdateState.Last last) {
        if (last == null) {
            return;
        }
        store.inTransaction(tx -> {
            if (tx.metaLong(LAST_RECORDED, 0) >= last.id()) {
                return null;
            }
            switch (last.result()) {
                case "rolled-back" -> events.record(tx, "update.rolled-back", Json.object().put("version", last.version())
                        .put("to", last.to()).put("reason", last.reason()));
                case "refused" -> events.record(tx, "update.refused", Json.object().put("version", last.version())
                        .put("reason", last.reason()));
                default -> {
                    // committed: the release recorded update.committed itself when it proved healthy
                }
            }
            tx.putMeta(LAST_RECORDED, last.id());
            return null;
        });
    }

    private static void write(java.nio.file.Path file, String text) {
        try {
            UpdateState.writeAtomically(file, (text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Logger.error("could not write {}: {}", file, e.getMessage());
        }
    }
}
