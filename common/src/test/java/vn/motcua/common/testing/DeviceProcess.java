package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A device runtime in a child JVM, so a test can kill -9 it, or stop it with SIGTERM as systemd would. */
public final class DeviceProcess {
    private final Process process;

    private DeviceProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} from the test class path with the given identity and state directory. */
    public static DeviceProcess start(String mainClass, Path identity, Path stateDir, Path log, String... jvmArgs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                "--identity", identity.toString(), "--state-dir", stateDir.toString()));
        return launch(cmd, log);
    }

    /** Starts a device jar, as a technician or systemd would. */
    public static DeviceProcess startJar(Path jar, Path identity, Path stateDir, Path log, String... jvmArgs) {
        return startJar(Path.of(System.getProperty("java.home"), "bin", "java"), jar, identity, stateDir, log, jvmArgs);
    }

    /** Starts a device jar with {@code env} added to the environment (systemd's NOTIFY_SOCKET, WATCHDOG_USEC). */
    public static DeviceProcess startJar(Path jar, Path identity, Path stateDir, Path log, Map<String, String> env,
                                         String... jvmArgs) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-jar", jar.toString(), "--identity", identity.toString(), "--state-dir", stateDir.toString()));
        return launch(cmd, log, env);
    }

    /** Starts a device jar with the given {@code java} launcher (another JDK than the tests'). */
    public static DeviceProcess startJar(Path java, Path jar, Path identity, Path stateDir, Path log, String... jvmArgs) {
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-Xmx64m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-jar", jar.toString(), "--identity", identity.toString(), "--state-dir", stateDir.toString()));
        return launch(cmd, log);
    }

    private static DeviceProcess launch(List<String> cmd, Path log) {
        return launch(cmd, log, Map.of());
    }

    private static DeviceProcess launch(List<String> cmd, Path log, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new DeviceProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush — a power cut as far as the runtime can tell. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("device did not stop within 20 s of SIGTERM");
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself and returns its exit code; fails after {@code seconds}. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("device did not end within " + seconds + " s");
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }
}
