package vn.motcua.office.devices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;

/** One device jar run as a child JVM: written identity, log file, restarted with backoff when it dies. */
public final class ChildDevice {
    static final long MAX_LOG_BYTES = 5L * 1024 * 1024;
    private static final Duration STABLE = Duration.ofSeconds(60);

    private final DeviceSpec spec;
    private final Path runDir;
    private final ScheduledExecutorService scheduler;
    private final Consumer<DeviceSpec> onLaunch;
    private volatile boolean running;
    private volatile Process process;
    private long launchedAtNanos;
    private int failures;

    public ChildDevice(DeviceSpec spec, Path runDir, ScheduledExecutorService scheduler, Consumer<DeviceSpec> onLaunch) {
        this.spec = spec;
        this.runDir = runDir;
        this.scheduler = scheduler;
        this.onLaunch = onLaunch;
    }

    public DeviceSpec spec() {
        return spec;
    }

    /** Starts the device; false (with one log line) when its jar, or the lib/ its manifest names, has not been built. */
    public boolean start() throws IOException {
        if (!Files.isRegularFile(spec.jar()) || !Files.isDirectory(spec.jar().resolveSibling("lib"))) {
            Logger.warn("skipping {}: its jar {} and the lib/ beside it are not built yet (./motcua build builds them)",
                    spec.deviceId(), spec.jar());
            return false;
        }
        running = true;
        stopLeftover();
        launch();
        return true;
    }

    /** Asks the device to stop (SIGTERM): it publishes its shutdown state and exits. */
    public synchronized void terminate() {
        running = false;
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits for the process to end; kills it (and anything it started) when it takes longer. */
    public void awaitOrKill(long millis) throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            Logger.warn("{} did not stop within {} ms of SIGTERM; killing it", spec.deviceId(), millis);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    private synchronized void launch() throws IOException {
        if (!running) {
            return;
        }
        Path dir = runDir.resolve("devices").resolve(spec.deviceId());
        Path state = Files.createDirectories(dir.resolve("state"));
        Path identity = dir.resolve("identity.json");
        Files.writeString(identity, Json.write(spec.identity()));
        Path tmp = Files.createDirectories(runDir.resolve("tmp"));
        Path log = log();
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx64m", "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-jar", spec.jar().toAbsolutePath().toString(),
                "--identity", identity.toAbsolutePath().toString(), "--state-dir", state.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = p;
        Files.writeString(dir.resolve("pid"), String.valueOf(p.pid()));
        launchedAtNanos = System.nanoTime();
        Logger.info("started {} (pid {}, CoAP port {}, log {})", spec.deviceId(), p.pid(), spec.coapPort(), log);
        p.onExit().thenAccept(this::exited);
        onLaunch.accept(spec);
    }

    /** Ends this device's process left running by an earlier office that was killed (same identity file). */
    private void stopLeftover() throws IOException {
        Path dir = runDir.resolve("devices").resolve(spec.deviceId());
        Path pidFile = dir.resolve("pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String identity = dir.resolve("identity.json").toAbsolutePath().toString();
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().arguments().map(a -> List.of(a).contains(identity)).orElse(false))
                    .ifPresent(h -> {
                        Logger.warn("{} from an earlier run is still running (pid {}); stopping it first", spec.deviceId(), pid);
                        h.destroy();
                        h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
                            h.destroyForcibly();
                            return h;
                        }).join();
                    });
        } catch (NumberFormatException e) {
            Logger.debug("ignoring an unreadable pid file {}", pidFile);
        }
    }

    private void exited(Process p) {
        if (!running || p != process) {
            Logger.info("{} exited with code {}", spec.deviceId(), p.exitValue());
            return;
        }
        boolean stable = System.nanoTime() - launchedAtNanos > STABLE.toNanos();
        failures = stable ? 1 : failures + 1;
        long delay = Math.min(30, 1L << Math.min(failures - 1, 5));
        Logger.warn("{} died (exit code {}); restarting it in {} s (see logs/{}.log)", spec.deviceId(), p.exitValue(), delay,
                spec.deviceId());
        scheduler.schedule(() -> {
            if (running) {
                try {
                    launch();
                } catch (IOException | RuntimeException e) {
                    Logger.error("restarting {} failed: {}", spec.deviceId(), e.getMessage());
                }
            }
        }, delay, TimeUnit.SECONDS);
    }

    private Path log() throws IOException {
        Path logs = Files.createDirectories(runDir.resolve("logs"));
        Path log = logs.resolve(spec.deviceId() + ".log");
        if (Files.isRegularFile(log) && Files.size(log) > MAX_LOG_BYTES) {
            Files.move(log, logs.resolve(spec.deviceId() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return log;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
