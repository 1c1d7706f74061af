package vn.motcua.common.update;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;

/**
 * The device's side of {@code PUT /update} (SPEC §5, §11), block by block: the body streams to {@code incoming.part}
 * (at most {@link #MAX_BUNDLE_BYTES}); after the last block the bundle is verified, its version must be newer than
 * the running one and not refused before; then it becomes {@code incoming.zip} (synced), {@code update.staged} is
 * recorded, and the runtime is asked to restart so the launcher installs it. One update at a time: while a trial
 * runs or a bundle is staged, a new one is refused.
 */
public final class UpdateIntake {
    /** A bundle is at most 64 MiB (SPEC §5). */
    public static final long MAX_BUNDLE_BYTES = 64L * 1024 * 1024;

    /** Records an event durably (in a state store transaction). */
    @FunctionalInterface
    public interface Recorder {
        void record(String type, ObjectNode data);
    }

    /** What became of a block: more wanted, the bundle staged, refused, a block out of order, or a device failure. */
    public enum Step { CONTINUE, STAGED, REFUSED, OUT_OF_ORDER, FAILED }

    /** The answer to one block. */
    public record Outcome(Step step, Refusal refusal, String version, String message) {
        static Outcome next() {
            return new Outcome(Step.CONTINUE, null, null, "");
        }
    }

    private final UpdatePaths paths;
    private final String running;
    private final BundleCheck check;
    private final Recorder recorder;
    private final Runnable restart;
    private final UploadFile upload;

    public UpdateIntake(UpdatePaths paths, String running, BundleCheck check, Recorder recorder, Runnable restart) {
        this.paths = paths;
        this.running = running;
        this.check = check;
        this.recorder = recorder;
        this.restart = restart;
        this.upload = new UploadFile(paths.upload(), MAX_BUNDLE_BYTES);
        try {
            Files.deleteIfExists(paths.upload());
        } catch (IOException e) {
            Logger.warn("a stale {} could not be removed ({}); the next upload replaces it", paths.upload(), e.getMessage());
        }
    }

    /**
     * Takes one block of the body at {@code offset}; {@code more} says whether others follow. {@code declaredSize} is
     * the size the client announced (Size1), or -1.
     */
    public synchronized Outcome block(long offset, byte[] data, boolean more, long declaredSize) {
        try {
            Optional<String> busy = offset == 0 ? busy() : Optional.empty();
            if (busy.isPresent()) {
                return refused(new RefusedBundle(Refusal.BUSY, null, busy.get()));
            }
            if (declaredSize > MAX_BUNDLE_BYTES) {
                upload.discard();
                return refused(new RefusedBundle(Refusal.TOO_LARGE, null, tooLarge(declaredSize)));
            }
            switch (upload.write(offset, data)) {
                case OUT_OF_ORDER -> {
                    return new Outcome(Step.OUT_OF_ORDER, null, null, "expected the block at offset " + upload.received()
                            + ", got offset " + offset + (upload.inProgress() ? "" : " with no upload in progress (start at block 0)"));
                }
                case TOO_LARGE -> {
                    return refused(new RefusedBundle(Refusal.TOO_LARGE, null, tooLarge(offset + data.length)));
                }
                case STORED, REPEATED -> {
                    // taken
                }
            }
            if (more) {
                return Outcome.next();
            }
            return stage(upload.finish());
        } catch (IOException | RuntimeException e) {
            Logger.error(e, "an update upload failed on the device");
            discardQuietly();
            return new Outcome(Step.FAILED, null, null, "the device could not store the bundle: " + e.getMessage());
        }
    }

    private Outcome stage(Path part) throws IOException {
        String version;
        try {
            Optional<String> why = busy();
            if (why.isPresent()) {
                throw new RefusedBundle(Refusal.BUSY, null, why.get());
            }
            version = check.verify(part);
            if (!ReleaseVersion.of(version).newerThan(ReleaseVersion.of(running))) {
                throw new RefusedBundle(Refusal.NOT_NEWER, version, "version " + version
                        + " is not newer than the running " + running);
            }
            if (UpdateState.read(paths.stateFile()).map(s -> s.refuses(version)).orElse(false)) {
                throw new RefusedBundle(Refusal.ROLLED_BACK, version, "version " + version
                        + " was rolled back on this device before and is refused from now on");
            }
        } catch (RefusedBundle e) {
            return refused(e);
        }
        Path staged = paths.incoming();
        move(part, staged);
        UpdateState.syncDirectory(staged.getParent());
        try {
            recorder.record("update.staged", Json.object().put("version", version));
        } catch (RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        Logger.info("update {} staged ({}); restarting so the launcher installs it", version, staged);
        restart.run();
        return new Outcome(Step.STAGED, null, version, "staged " + version + "; the device restarts into it");
    }

    /**
     * The trial release proved healthy ({@code commit} names it): the launcher finalizes it at the next start, and a
     * newer bundle may be staged meanwhile (that start finalizes the commit first, then installs it).
     */
    private boolean committed(String trialVersion) throws IOException {
        return Files.isRegularFile(paths.commit())
                && trialVersion.equals(Files.readString(paths.commit(), StandardCharsets.UTF_8).strip());
    }

    private Optional<String> busy() throws IOException {
        Optional<UpdateState> state = UpdateState.read(paths.stateFile());
        if (state.isPresent() && state.get().trial() != null && !committed(state.get().trial().version())) {
            return Optional.of("release " + state.get().trial().version() + " is on trial; push again once it is committed");
        }
        if (Files.exists(paths.incoming())) {
            return Optional.of("a bundle is already staged; the device installs it at its next start");
        }
        return Optional.empty();
    }

    private Outcome refused(RefusedBundle e) {
        discardQuietly();
        Logger.warn("update refused ({}): {}", e.reason().wire(), e.getMessage());
        if (e.version() != null) {
            try {
                recorder.record("update.refused", Json.object().put("version", e.version()).put("reason", e.reason().wire()));
            } catch (RuntimeException failure) {
                Logger.error("update.refused for {} not recorded: {}", e.version(), failure.getMessage());
            }
        }
        return new Outcome(Step.REFUSED, e.reason(), e.version(), e.getMessage());
    }

    private void discardQuietly() {
        try {
            upload.discard();
        } catch (IOException e) {
            Logger.warn("{} could not be removed: {}", paths.upload(), e.getMessage());
        }
    }

    private static String tooLarge(long size) {
        return "the bundle is " + size + " bytes or more; at most " + MAX_BUNDLE_BYTES + " are taken";
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
