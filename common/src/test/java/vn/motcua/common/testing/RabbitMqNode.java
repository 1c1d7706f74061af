package vn.motcua.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

/**
 * A real RabbitMQ node (Debian's rabbitmq-server with the rabbitmq_mqtt plugin) on loopback ports, with its own
 * node name, data and log directories under target/tmp, that a test can stop and start again.
 *
 * <p>It runs the server script behind Debian's wrapper directly, as the test's own user, so nothing needs to be
 * owned by the {@code rabbitmq} user and the package's default node (and its /etc and /var files) play no part.
 */
public final class RabbitMqNode implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final String nodeName;
    private final Path home;
    private final Path dir;
    private final int amqpPort = FreePorts.tcp();
    private final int distPort = FreePorts.tcp();
    private final int mqttPort = FreePorts.tcp();
    private Process process;
    private long launchedNanos;

    /** A node of its own, with its own Erlang cookie. */
    public RabbitMqNode() {
        this(cookieHome());
    }

    /** A node whose Erlang cookie is {@code home/.erlang.cookie}: the same for every node of a cluster. */
    RabbitMqNode(Path home) {
        // unique per JVM and node, so that a node a killed test run left behind never holds the name
        this.nodeName = "motcua-test-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + "@localhost";
        this.home = home;
        this.dir = TestDirs.create("rabbitmq-");
        try {
            Files.createDirectories(dir.resolve("mnesia"));
            Files.createDirectories(dir.resolve("log"));
            Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_mqtt].\n");
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
                    "mqtt.listeners.tcp.default = 127.0.0.1:" + mqttPort,
                    "mqtt.allow_anonymous = true",
                    // a test machine's nearly full disk must not block publishers (RabbitMQ's default is 50 MB)
                    "disk_free_limit.absolute = 1MB",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether Debian's rabbitmq-server is installed (./motcua test installs it). */
    public static boolean available() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server")) && Files.isExecutable(BIN.resolve("rabbitmqctl"));
    }

    /** A fresh HOME holding a random Erlang cookie, readable by its owner only (Erlang refuses it otherwise). */
    static Path cookieHome() {
        Path home = TestDirs.create("rabbitmq-home-");
        try {
            Path cookie = home.resolve(".erlang.cookie");
            Files.writeString(cookie, "MOTCUA" + Long.toHexString(System.nanoTime()).toUpperCase()
                    + Long.toHexString(Double.doubleToLongBits(Math.random())).toUpperCase());
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the node and returns once it has booted and its MQTT listener takes a connect; stops it if that fails. */
    public RabbitMqNode start() {
        launch();
        try {
            return awaitReady();
        } catch (RuntimeException e) {
            stop(); // a test's try-with-resources never gets a node whose start failed: leave no beam behind
            throw e;
        }
    }

    /** Starts the node's process without waiting for it (several nodes boot faster side by side). */
    void launch() {
        try {
            ProcessBuilder pb = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()));
            environment(pb.environment());
            launchedNanos = System.nanoTime();
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node has booted (await_startup) and its MQTT port accepts a Paho connect. */
    RabbitMqNode awaitReady() {
        awaitBooted();
        Logger.info("RabbitMQ node {} ready in {} ms, MQTT on port {}", nodeName,
                Duration.ofNanos(System.nanoTime() - launchedNanos).toMillis(), mqttPort);
        return this;
    }

    private void awaitBooted() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        // each rabbitmqctl run is a whole Erlang VM: ask only once the node's distribution port is open
        while (!accepts(distPort) && process.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        // await_startup fails at once while the node is not yet registered with epmd: ask again until it answers
        CtlResult booted = ctl(START_TIMEOUT, "await_startup", "--timeout", String.valueOf(START_TIMEOUT.toSeconds()));
        while (booted.exit() != 0 && process.isAlive() && System.nanoTime() < deadline) {
            sleep(250);
            booted = ctl(START_TIMEOUT, "await_startup", "--timeout", String.valueOf(START_TIMEOUT.toSeconds()));
        }
        if (booted.exit() != 0) {
            throw new IllegalStateException("RabbitMQ node " + nodeName + " did not start" + (process.isAlive() ? "" : " (it exited)")
                    + ": " + booted.output() + "; see " + dir);
        }
        awaitMqtt(deadline);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void awaitMqtt(long deadline) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(5);
        while (true) {
            try (MqttClient probe = new MqttClient(uri(), "probe-" + System.nanoTime(), new MemoryPersistence())) {
                probe.connect(options);
                probe.disconnect();
                return;
            } catch (MqttException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("RabbitMQ node " + nodeName + " booted but its MQTT port " + mqttPort
                            + " takes no connect: " + notYet + "; see " + dir, notYet);
                }
                sleep(250);
            }
        }
    }

    /** Joins the cluster of {@code seed} (stop_app, join_cluster, start_app); this node's data is reset by it. */
    void joinCluster(RabbitMqNode seed) {
        for (List<String> step : List.of(List.of("stop_app"), List.of("join_cluster", seed.nodeName), List.of("start_app"))) {
            CtlResult r = ctl(START_TIMEOUT, step.toArray(String[]::new));
            if (r.exit() != 0) {
                throw new IllegalStateException(nodeName + ": rabbitmqctl " + step + " failed: " + r.output());
            }
        }
        awaitBooted();
        Logger.info("RabbitMQ node {} joined the cluster of {}", nodeName, seed.nodeName);
    }

    /** Stops the node as an operator would (rabbitmqctl stop); kills it and its children if that fails. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        CtlResult r = ctl(Duration.ofSeconds(60), "stop");
        try {
            if (r.exit() != 0 || !process.waitFor(30, TimeUnit.SECONDS)) {
                Logger.warn("RabbitMQ node {} did not stop cleanly ({}); killing it", nodeName, r.output());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a rabbitmqctl command printed and how it exited. */
    public record CtlResult(int exit, String output) {
    }

    /** Runs {@code rabbitmqctl -n NODE args...} with this node's cookie; gives up (exit -1) after {@code timeout}. */
    public CtlResult ctl(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", nodeName));
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "ctl-", ".out");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            environment(pb.environment());
            // the CLI is an Erlang node too: one free port of its own, instead of the fixed default range 35672-35682
            String cliPort = String.valueOf(FreePorts.tcp());
            pb.environment().put("RABBITMQ_CTL_DIST_PORT_MIN", cliPort);
            pb.environment().put("RABBITMQ_CTL_DIST_PORT_MAX", cliPort);
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor();
            }
            String output = Files.readString(out).strip();
            Files.delete(out);
            return new CtlResult(done ? p.exitValue() : -1, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void environment(Map<String, String> env) {
        env.put("HOME", home.toString());
        env.put("RABBITMQ_NODENAME", nodeName);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", String.valueOf(amqpPort));
        env.put("RABBITMQ_DIST_PORT", String.valueOf(distPort));
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        // schedulers that sleep instead of spinning when idle: the test shares two cores with the devices
        env.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String nodeName() {
        return nodeName;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    @Override
    public void close() {
        stop();
    }
}
