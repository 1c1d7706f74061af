package vn.motcua.ctl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * {@code R/opt/motcua/bin/motcua-run --root R} started again and again as systemd's {@code Restart=always} with
 * {@code RestartPreventExitStatus=2} would: after any exit but 2, after a short restart delay. Every start's output
 * goes to one log. A test can kill -9 whatever the loop runs at that moment (the launcher's bash, its Prepare JVM, or
 * the runtime JVM that bash exec'd), as a power cut or an OOM killer would, and the loop starts it again.
 */
final class LauncherLoop implements AutoCloseable {
    /** systemd's RestartSec for the emulated unit: the delay of the service manager, not a wait of the test. */
    private static final Duration RESTART_DELAY = Duration.ofMillis(300);

    private final Path root;
    private final Path log;
    private final Map<String, String> environment;
    private final List<Integer> exits = new ArrayList<>();
    private final Thread thread;
    private volatile Process current;
    private volatile boolean stopping;
    private volatile IntConsumer betweenStarts = code -> { };

    private LauncherLoop(Path root, Path log, Map<String, String> environment) {
        this.root = root;
        this.log = log;
        this.environment = environment;
        this.thread = new Thread(this::loop, "launcher-loop");
        thread.setDaemon(true);
    }

    /** Starts the loop on the tree at {@code root}; {@code environment} is added to each start's environment. */
    static LauncherLoop start(Path root, Path log, Map<String, String> environment) {
        LauncherLoop loop = new LauncherLoop(root, log, environment);
        loop.thread.start();
        return loop;
    }

    private void loop() {
        try {
            while (!stopping) {
                ProcessBuilder pb = new ProcessBuilder(root.resolve("opt/motcua/bin/motcua-run").toString(), "--root", root.toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                pb.environment().putAll(environment);
                Process p;
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                    p = pb.start();
                    current = p;
                }
                int code = p.waitFor();
                synchronized (this) {
                    exits.add(code);
                    current = null;
                    notifyAll();
                }
                Files.writeString(log, "[launcher-loop] motcua-run exited " + code + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                if (code == 2) {
                    return;
                }
                betweenStarts.accept(code);
                Thread.sleep(RESTART_DELAY.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** kill -9 of what the loop runs now and of its children (systemd kills the unit's whole cgroup); the loop restarts it. */
    void kill9() throws InterruptedException {
        Process p = current;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    /**
     * What an administrator does between two starts, called on the loop's thread with the exit code of the start that
     * ended, before the next one (e.g. an edit of launcher.conf that the next start must see, with no race).
     */
    void betweenStarts(IntConsumer action) {
        betweenStarts = action;
    }

    /** The exit codes of the starts that ended, in order. */
    synchronized List<Integer> exits() {
        return List.copyOf(exits);
    }

    Path log() {
        return log;
    }

    /** The last {@code lines} lines of the loop's log, for failure messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the loop as {@code systemctl stop} would: SIGTERM, then SIGKILL to what is left after 20 s. */
    @Override
    public void close() throws InterruptedException {
        Process p;
        synchronized (this) {
            stopping = true;
            p = current;
        }
        if (p != null) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
