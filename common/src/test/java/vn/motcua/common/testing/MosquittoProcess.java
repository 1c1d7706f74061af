package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker process on a loopback port, with persistence, that a test can stop and start again. */
public final class MosquittoProcess implements AutoCloseable {
    private final int port;
    private final List<Integer> listeners;
    private final Path dir;
    private Process process;

    public MosquittoProcess() {
        this(FreePorts.tcp());
    }

    public MosquittoProcess(int port) {
        this(port, List.of());
    }

    /** A broker whose configuration ends with {@code extraConfig} (options of its one listener, or global ones). */
    public MosquittoProcess(int port, List<String> extraConfig) {
        this.port = port;
        this.listeners = new java.util.ArrayList<>(List.of(port));
        for (String line : extraConfig) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*listener\\s+(\\d+)").matcher(line);
            if (m.find()) {
                listeners.add(Integer.parseInt(m.group(1)));
            }
        }
        this.dir = TestDirs.create("mosquitto-");
        try {
            // started as root, mosquitto drops to its own user, which must be able to write its persistence here
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence true",
                    "persistence_location " + dir + "/",
                    "autosave_interval 1",
                    "max_queued_messages 0",
                    "max_inflight_messages 0",
                    "log_dest file " + log(),
                    String.join("\n", extraConfig),
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) || Files.isExecutable(Path.of("/usr/bin/mosquitto"));
    }

    public MosquittoProcess start() {
        try {
            String exe = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
            process = new ProcessBuilder(exe, "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            // every listener of the configuration, not only the first: a test may connect to any of them at once
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int listener : listeners) {
                while (!accepts(listener)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("mosquitto did not start on port " + listener + "; see " + dir);
                    }
                    Thread.sleep(50);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker gracefully (it saves its persistent sessions). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the running broker to read its configuration again (SIGHUP: Mosquitto reloads its password and ACL files). */
    public void reload() {
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker's working directory (config, persistence, log), readable by the broker's own user. */
    public Path dir() {
        return dir;
    }

    /** The broker's log file (what it logs depends on the configuration's {@code log_type}). */
    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    /** Publishes the contents of {@code file} at QoS 1 with {@code mosquitto_pub}, so the test JVM never holds it. */
    public void publishFile(String topic, Path file, boolean retained) {
        List<String> cmd = new java.util.ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-q", "1", "-t", topic, "-f", file.toString()));
        if (retained) {
            cmd.add("-r");
        }
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_pub failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker's process id while it runs (for /proc), -1 when it is stopped. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
