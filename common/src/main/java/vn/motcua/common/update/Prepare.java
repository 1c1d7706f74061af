package vn.motcua.common.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The launcher's root step before every start of the runtime (SPEC section 11), run from the committed release:
 * <ol type="a">
 *   <li>a {@code commit} file naming the trial release finalizes it: it becomes {@code running}, the previous release
 *       goes;</li>
 *   <li>a trial still in progress is judged by how its last run ended: {@code exit-cause} "hung ..." rolls back (hung),
 *       {@code not-healthy} or a trial older than {@link #TRIAL_DEADLINE} rolls back (not-healthy), a {@code clean-stop}
 *       of the trial release is not counted, any other end is a crash and the {@link #CRASHES}th rolls back
 *       (crash-loop); {@code trial.starts} counts those crashes;</li>
 *   <li>with no trial, a staged {@code incoming.zip} is verified again with the root-owned key, extracted beside the
 *       running release and put on trial;</li>
 *   <li>before and after, the links are made to agree with {@code update.json}, so that a power cut at any step
 *       leaves {@code current} on a complete release, old or new.</li>
 * </ol>
 * {@code update.json} is written first (atomically) and the links follow it; every other step can be done again.
 */
public final class Prepare {
    /** A trial not committed this long after it began is rolled back. */
    public static final Duration TRIAL_DEADLINE = Duration.ofMinutes(10);
    /** Crashes of a release on trial that roll it back. */
    public static final int CRASHES = 3;

    /** A point between two durable steps; tests cut the power there by throwing. */
    public interface Steps {
        Steps NONE = step -> { };

        void reached(String step) throws IOException;
    }

    private final UpdatePaths paths;
    private final String kind;
    private final Clock clock;
    private final Bundles bundles;
    private final Steps steps;
    private final Consumer<String> log;

    public Prepare(UpdatePaths paths, String kind, Clock clock, Bundles bundles, Steps steps, Consumer<String> log) {
        this.paths = paths;
        this.kind = kind;
        this.clock = clock;
        this.bundles = bundles;
        this.steps = steps;
        this.log = log;
    }

    /** The launcher's entry point ({@code motcua-run}): see {@link PrepareMain}. */
    public static void main(String[] args) {
        PrepareMain.main(args);
    }

    /** Runs every step; returns the state it leaves, empty when there is no release to manage at all. */
    public Optional<UpdateState> run() throws IOException {
        Optional<UpdateState> loaded = load();
        if (loaded.isEmpty()) {
            log.accept("no update.json and no current release under " + paths.home() + ": nothing to prepare");
            return Optional.empty();
        }
        UpdateState state = reconcile(loaded.get());
        Signals signals = Signals.read(paths);
        if (state.trial() != null) {
            dropInstalledBundle(state.trial().version());
            state = judgeTrial(state, signals);
        }
        if (state.trial() == null && Files.exists(paths.incoming())) {
            state = install(state);
        }
        state = reconcile(state);
        signals.consume(paths);
        steps.reached("signals-consumed");
        return Optional.of(state);
    }

    // ---------------------------------------------------------------- (d) the record and the links agree

    private Optional<UpdateState> load() throws IOException {
        Optional<UpdateState> state = UpdateState.read(paths.stateFile());
        if (state.isPresent()) {
            return state;
        }
        Optional<String> current = target(paths.current());
        if (current.isEmpty() || !complete(current.get())) {
            return Optional.empty();
        }
        UpdateState first = UpdateState.initial(current.get());
        first.write(paths.stateFile());
        log.accept("first run: update.json made with running " + current.get());
        steps.reached("state-created");
        return Optional.of(first);
    }

    /** Makes current, previous and the release directories agree with {@code state}; returns the state it agrees with. */
    private UpdateState reconcile(UpdateState state) throws IOException {
        UpdateState.Trial trial = state.trial();
        if (trial != null) {
            if (!complete(trial.version())) {
                return rollBack(state, "missing", "its release directory is not complete");
            }
            link(paths.previous(), trial.previous());
            link(paths.current(), trial.version());
        } else {
            Optional<String> current = target(paths.current());
            if (current.isPresent() && !current.get().equals(state.running()) && complete(current.get())
                    && !state.refuses(current.get()) && !isTemporary(current.get())) {
                // motcua-setup installed this release in place: it is what runs now
                log.accept("current points at " + current.get() + " (installed by motcua-setup): recorded as running");
                state = state.with(current.get(), null, null, state.refused(), state.last());
                state.write(paths.stateFile());
                steps.reached("adopted");
            } else if (!state.running().equals(current.orElse(null))) {
                if (complete(state.running())) {
                    link(paths.current(), state.running());
                } else {
                    log.accept("neither current nor running (" + state.running() + ") is a complete release; left as it is");
                }
            }
            // the release first, then the link: a power cut between leaves a dangling link that names what to remove
            Optional<String> previous = target(paths.previous());
            if (previous.isPresent() && !previous.get().equals(state.running())) {
                removeRelease(previous.get());
            }
            if (Files.exists(paths.previous(), LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(paths.previous());
                UpdateState.syncDirectory(paths.home());
                steps.reached("previous-unlinked");
            }
        }
        cleanReleases(state);
        return state;
    }

    /** Removes half-made release directories and those of refused versions (never one in use). */
    private void cleanReleases(UpdateState state) throws IOException {
        if (!Files.isDirectory(paths.releases())) {
            return;
        }
        String current = target(paths.current()).orElse(null);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(paths.releases())) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                boolean inUse = name.equals(state.running()) || name.equals(current)
                        || state.trial() != null && (name.equals(state.trial().version()) || name.equals(state.trial().previous()));
                if (!inUse && (isTemporary(name) || state.refuses(name))) {
                    removeRelease(name);
                }
            }
        }
    }

    // ---------------------------------------------------------------- (a) and (b) a trial in progress

    private UpdateState judgeTrial(UpdateState state, Signals signals) throws IOException {
        UpdateState.Trial trial = state.trial();
        if (trial.version().equals(signals.commit())) {
            UpdateState committed = state.with(trial.version(), null, null, state.refused(),
                    state.nextLast(trial.version(), "committed", null, null));
            committed.write(paths.stateFile());
            log.accept("release " + trial.version() + " committed (it ran its trial healthy); " + trial.previous() + " goes");
            steps.reached("committed");
            return reconcile(committed);
        }
        String cause = signals.exitCause();
        if (cause != null && cause.startsWith("hung")) {
            return rollBack(state, "hung", "its last run ended " + cause);
        }
        if ("not-healthy".equals(cause)) {
            return rollBack(state, "not-healthy", "it did not become healthy in time");
        }
        if (!clock.instant().isBefore(trial.since().plus(TRIAL_DEADLINE))) {
            return rollBack(state, "not-healthy", "it was not committed within " + TRIAL_DEADLINE.toMinutes() + " minutes");
        }
        if (trial.version().equals(signals.cleanStop())) {
            log.accept("release " + trial.version() + " on trial stopped cleanly last time; not counted as a crash");
            return state;
        }
        int crashes = trial.starts() + 1;
        if (crashes >= CRASHES) {
            return rollBack(state, "crash-loop", "it ended without a clean stop " + crashes + " times");
        }
        UpdateState counted = state.withTrial(trial.withStarts(crashes));
        counted.write(paths.stateFile());
        log.accept("release " + trial.version() + " on trial ended without a clean stop (" + crashes + " of " + CRASHES + ")");
        steps.reached("crash-counted");
        return counted;
    }

    private UpdateState rollBack(UpdateState state, String reason, String why) throws IOException {
        UpdateState back = rolledBack(state, reason);
        back.write(paths.stateFile());
        log.accept("rolling back from " + state.trial().version() + " to " + state.trial().previous() + " (" + reason + "): " + why);
        steps.reached("rolled-back");
        return reconcile(back);
    }

    private static UpdateState rolledBack(UpdateState state, String reason) {
        UpdateState.Trial trial = state.trial();
        return state.with(trial.previous(), null, null, state.refusedPlus(trial.version()),
                state.nextLast(trial.version(), "rolled-back", reason, trial.previous()));
    }

    // ---------------------------------------------------------------- (c) a staged bundle

    private UpdateState install(UpdateState state) throws IOException {
        Path zip = paths.incoming();
        Bundles.Verified bundle;
        try {
            if (!Files.isRegularFile(paths.key())) {
                throw new RefusedBundle(Refusal.NO_KEY, null, "no update key at " + paths.key());
            }
            bundle = bundles.verify(zip, kind);
            String version = bundle.version();
            if (!ReleaseVersion.valid(version) || !kind.equals(bundle.kind())) {
                throw new RefusedBundle(Refusal.MALFORMED, null, "the bundle names kind " + bundle.kind() + ", version " + version);
            }
            if (version.equals(state.running()) || state.refuses(version)) {
                // left by a power cut after its trial was recorded: the trial's result is already recorded
                log.accept("the staged bundle is release " + version + ", already tried (" + state.running() + " runs): removed");
                deleteIncoming();
                return state;
            }
            if (!ReleaseVersion.of(version).newerThan(ReleaseVersion.of(state.running()))) {
                throw new RefusedBundle(Refusal.NOT_NEWER, version, "release " + version + " is not newer than " + state.running());
            }
        } catch (RefusedBundle e) {
            UpdateState refused = state.with(state.running(), state.previous(), state.trial(), state.refused(),
                    state.nextLast(e.version(), "refused", e.reason().wire(), null));
            refused.write(paths.stateFile());
            log.accept("staged bundle refused (" + e.reason().wire() + "): " + e.getMessage());
            steps.reached("refusal-recorded");
            deleteIncoming();
            return refused;
        }
        String version = bundle.version();
        Path dir = paths.release(version);
        BundleExtractor.deleteTree(dir);
        Files.createDirectories(paths.releases());
        bundles.extract(zip, bundle, dir);
        steps.reached("release-in-place");
        UpdateState trial = state.with(state.running(), state.running(), new UpdateState.Trial(version, state.running(), 0,
                clock.instant()), state.refused(), state.last());
        trial.write(paths.stateFile());
        log.accept("release " + version + " installed beside " + state.running() + " and put on trial");
        steps.reached("trial-recorded");
        UpdateState switched = reconcile(trial);
        deleteIncoming();
        return switched;
    }

    /** A staged bundle of the release on trial is one a power cut kept from being deleted after its install. */
    private void dropInstalledBundle(String version) throws IOException {
        if (!Files.exists(paths.incoming()) || !Files.isRegularFile(paths.key())) {
            return;
        }
        try {
            if (version.equals(bundles.verify(paths.incoming(), kind).version())) {
                log.accept("the staged bundle is release " + version + ", already on trial: removed");
                deleteIncoming();
            }
        } catch (RefusedBundle e) {
            log.accept("a bundle waits while " + version + " is on trial; it is checked once the trial is over");
        }
    }

    private void deleteIncoming() throws IOException {
        Files.deleteIfExists(paths.incoming());
        steps.reached("incoming-deleted");
    }

    // ---------------------------------------------------------------- file primitives

    /** Points {@code link} at {@code releases/<version>} atomically (a new link renamed over the old), then syncs. */
    private void link(Path link, String version) throws IOException {
        Path target = paths.home().relativize(paths.release(version));
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
            return;
        }
        Path tmp = link.resolveSibling(link.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, target);
        try {
            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING);
        }
        UpdateState.syncDirectory(paths.home());
        log.accept(link.getFileName() + " -> " + target);
        steps.reached(link.getFileName() + "-linked");
    }

    /** The release a link points at ({@code releases/<version>}), empty when it is no link. */
    private Optional<String> target(Path link) throws IOException {
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        Path target = Files.readSymbolicLink(link);
        Path name = target.getFileName();
        return name == null ? Optional.empty() : Optional.of(name.toString());
    }

    private boolean complete(String version) {
        return version != null && ReleaseVersion.valid(version)
                && Files.isRegularFile(paths.release(version).resolve("device-" + kind + ".jar"));
    }

    private static boolean isTemporary(String name) {
        return name.endsWith(".tmp");
    }

    private void removeRelease(String name) throws IOException {
        Path dir = paths.releases().resolve(name);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            BundleExtractor.deleteTree(dir);
            log.accept("removed " + dir);
            steps.reached("removed-" + name);
        }
    }

    /** What the last run left in the service user's update directory; read once, removed at the end. */
    record Signals(String commit, String exitCause, String cleanStop) {
        static Signals read(UpdatePaths paths) throws IOException {
            return new Signals(text(paths.commit()), text(paths.exitCause()), text(paths.cleanStop()));
        }

        void consume(UpdatePaths paths) throws IOException {
            for (Path file : new Path[] {paths.commit(), paths.exitCause(), paths.cleanStop()}) {
                Files.deleteIfExists(file);
            }
        }

        private static String text(Path file) throws IOException {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
