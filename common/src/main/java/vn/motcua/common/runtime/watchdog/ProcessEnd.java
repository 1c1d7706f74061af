package vn.motcua.common.runtime.watchdog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.tinylog.Logger;
import org.tinylog.provider.ProviderRegistry;
import vn.motcua.common.update.UpdateState;

/**
 * The {@link Ending} of a device runtime: records the restart row (waiting at most {@link #RECORD_WAIT_SECONDS}, in
 * case the hung loop holds the state store), writes {@code exit-cause} = {@code hung <component>} for the launcher,
 * and halts with {@link #EXIT_STATUS}: on a device through {@link #haltProcess}, which flushes the log and runs no
 * shutdown hook (a clean stop could hang too, and must not be recorded as clean).
 */
public final class ProcessEnd implements Ending {
    /** EX_SOFTWARE: systemd restarts it ({@code RestartPreventExitStatus} names only 2). */
    public static final int EXIT_STATUS = 70;
    static final int RECORD_WAIT_SECONDS = 5;

    private final RestartLog restarts;
    private final String version;
    private final Path exitCause;
    private final IntConsumer halt;

    /** {@code halt} ends the process ({@link #haltProcess} on a device). */
    public ProcessEnd(RestartLog restarts, String version, Path exitCause, IntConsumer halt) {
        this.restarts = restarts;
        this.version = version;
        this.exitCause = exitCause;
        this.halt = halt;
    }

    @Override
    public synchronized void end(String component, String cause) {
        Logger.error("{} {}: recording the restart it causes and ending the process (exit {}) so that it is restarted",
                component, cause, EXIT_STATUS);
        record(component, cause);
        if ("hung".equals(cause)) {
            try {
                UpdateState.writeAtomically(exitCause, ("hung " + component).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                Logger.error("could not write {}: {}", exitCause, e.getMessage());
            }
        }
        halt.accept(EXIT_STATUS);
    }

    /** Flushes and closes the log, then halts the JVM: the {@code halt} of a device runtime. */
    public static void haltProcess(int status) {
        try {
            ProviderRegistry.getLoggingProvider().shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(status);
    }

    private void record(String component, String cause) {
        try {
            CompletableFuture.runAsync(() -> restarts.record(component, version, cause))
                    .get(RECORD_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Logger.error(e.getCause(), "the restart caused by {} could not be recorded", component);
        } catch (TimeoutException e) {
            Logger.error("the restart caused by {} could not be recorded within {} s (the state store is busy)",
                    component, RECORD_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
