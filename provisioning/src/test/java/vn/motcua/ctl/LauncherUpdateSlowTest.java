package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.LibCoap;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.MqttRecorder;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestBundles;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.update.BundleWriter;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.common.update.UpdateState;

/**
 * A device installed by {@code motcua-setup --root R} and run by {@code motcua-run --root R} in a loop as systemd's
 * {@code Restart=always} would: a bundle staged into its update directory is installed at the next (clean) restart,
 * runs on trial and commits after {@code updateTrialSeconds}; a kill -9 during the trial does not break it. Each release
 * gets its own class-data archive at its first start, and a damaged one never stops a start.
 */
@Tag("slow")
class LauncherUpdateSlowTest {
    private static final String ID = "tp-dinh-cong-01";
    private static final String KIND = "ticket-printer";
    private static final String NEW = "9.0.0";
    /** The device's log line of a connect, with its MQTT session. */
    private static final Pattern CONNECTED_SESSION = Pattern.compile("connected to MQTT broker \\S+ \\(session (\\d+)\\)");

    private final Path dir = TestDirs.create("launcher-");
    private final Path root = dir.resolve("root");
    private final UpdatePaths paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
    private final int coapPort = FreePorts.udp();
    private final AtomicReference<Process> running = new AtomicReference<>();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile boolean looping = true;
    private MosquittoProcess broker;
    private MqttRecorder recorder;
    private Thread loop;
    private String key;

    @AfterEach
    void stop() throws Exception {
        looping = false;
        Process p = running.get();
        if (p != null) {
            p.destroy();
            p.waitFor();
        }
        if (loop != null) {
            loop.join(30_000);
        }
        if (recorder != null) {
            recorder.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_staged_bundle_is_installed_at_a_clean_restart_runs_on_trial_and_commits() throws Exception {
        TestBundles.Keys keys = installAndStart();
        String old = Files.readString(root.resolve("opt/motcua/current/VERSION")).strip();

        stageAndRestart(keys);
        awaitOnline(NEW);
        UpdateState trial = state();
        assertThat(trial.trial().version()).isEqualTo(NEW);
        assertThat(trial.trial().previous()).isEqualTo(old);
        assertThat(Files.readSymbolicLink(paths.previous())).isEqualTo(Path.of("releases", old));

        awaitCommitted(old);
        cleanRestart();
        awaitOnline(NEW);
        UpdateState committed = state();
        assertThat(committed.running()).isEqualTo(NEW);
        assertThat(committed.trial()).isNull();
        assertThat(committed.last().result()).isEqualTo("committed");
        assertThat(paths.previous()).doesNotExist();
        assertThat(paths.release(old)).doesNotExist();
        assertThat(paths.current().resolve("device-" + KIND + ".jar")).isRegularFile();
    }

    @Test
    void a_kill_9_right_after_the_restart_into_the_trial_still_ends_in_a_commit() throws Exception {
        TestBundles.Keys keys = installAndStart();
        String old = Files.readString(root.resolve("opt/motcua/current/VERSION")).strip();

        stageAndRestart(keys);
        awaitLog("release " + NEW + " runs on trial", starts.get());
        int before = starts.get();
        running.get().destroyForcibly();
        await(() -> starts.get() > before, Duration.ofSeconds(30), "the loop starts the device again");
        int restarted = starts.get();

        awaitLog("on trial ended without a clean stop (1 of 3)", restarted);
        assertThat(state().trial().starts()).as("the kill -9 counted as one crash").isEqualTo(1);
        // the killed start may have come online before the kill: wait for the online state of the new start
        seenSessions = Math.max(seenSessions, sessionConnected(restarted) - 1);
        awaitOnline(NEW);
        assertThat(state().trial().starts()).as("and only one").isEqualTo(1);
        awaitCommitted(old);
        cleanRestart();
        awaitOnline(NEW);
        assertThat(state().running()).isEqualTo(NEW);
        assertThat(state().trial()).isNull();
        assertThat(Files.readString(paths.current().resolve("VERSION")).strip()).isEqualTo(NEW);
    }

    @Test
    void a_release_that_cannot_start_is_rolled_back_after_three_crashes_and_the_old_one_records_it() throws Exception {
        TestBundles.Keys keys = installAndStart();
        String old = Files.readString(root.resolve("opt/motcua/current/VERSION")).strip();
        Path broken = dir.resolve("broken");
        TestBundles.fakeRelease(broken, KIND);

        stage(broken, keys);
        cleanRestart();

        List<MqttRecorder.Message> rolledBack = recorder.await(m -> m.topic().endsWith("/event/update/rolled-back"), 1,
                Duration.ofSeconds(120));
        assertThat(rolledBack).as("update.rolled-back; last log: %s", lastLog()).hasSize(1);
        assertThat(rolledBack.get(0).json().path("data").toString())
                .isEqualTo("{\"version\":\"" + NEW + "\",\"to\":\"" + old + "\",\"reason\":\"crash-loop\"}");
        awaitOnline(old);
        UpdateState s = state();
        assertThat(s.running()).isEqualTo(old);
        assertThat(s.trial()).isNull();
        assertThat(s.refused()).containsExactly(NEW);
        assertThat(Files.readString(paths.current().resolve("VERSION")).strip()).isEqualTo(old);
        assertThat(paths.release(NEW)).doesNotExist();
        assertThat(paths.previous()).doesNotExist();
    }

    @Test
    void each_release_gets_its_own_class_archive_and_a_truncated_or_garbage_one_never_stops_the_start() throws Exception {
        TestBundles.Keys keys = installAndStart();
        String old = Files.readString(root.resolve("opt/motcua/current/VERSION")).strip();
        Path oldArchive = archiveInUse().orElseThrow(() -> new AssertionError("no archive mapped; last log: " + lastLog()));
        assertThat(oldArchive.getParent()).isEqualTo(archives().resolve(old));

        stageAndRestart(keys);
        awaitOnline(NEW);
        Path archive = archiveInUse().orElseThrow(() -> new AssertionError("no archive after the switch; " + lastLog()));
        assertThat(archive.getParent()).as("the new release's own archive").isEqualTo(archives().resolve(NEW));
        long size = Files.size(archive);
        awaitCommitted(old);
        cleanRestart();
        awaitOnline(NEW);
        assertThat(archiveInUse()).contains(archive);
        assertThat(archives().resolve(old)).as("the archive of the release that went").doesNotExist();

        // garbage of the same size at the archive's name: its CRC differs, so it is made again
        byte[] garbage = new byte[(int) size];
        new java.util.Random(13).nextBytes(garbage);
        replace(archive, garbage);
        cleanRestart();
        awaitOnline(NEW);
        assertThat(archiveInUse()).as("the archive made again; last log: %s", lastLog()).contains(archive);
        assertThat(Files.readString(Path.of(archive + ".cksum")).strip()).as("its size and CRC").isEqualTo(cksum(archive));

        // truncated at the archive's name with its size and CRC recorded as if whole: JDK 17 dies of SIGBUS mapping it,
        // the launcher finds the JVM's crash report of that start, drops the archive and makes it again
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(archive), (int) Files.size(archive) / 2);
        replace(archive, truncated);
        Files.writeString(Path.of(archive + ".cksum"), cksum(archive) + "\n");
        int before = starts.get();
        cleanRestart();
        await(() -> starts.get() > before + 1, Duration.ofSeconds(60), "a start after the crash on the truncated archive");
        awaitOnline(NEW);
        assertThat(Files.readString(archives().resolve("last-crash.log"))).contains("SIGBUS");
        assertThat(archiveInUse()).as("the archive made again after the crash; last log: %s", lastLog()).contains(archive);
        assertThat(Files.size(archive)).isGreaterThan(truncated.length);
        assertThat(state().running()).isEqualTo(NEW);
    }

    // ---------------------------------------------------------------- the class-data archive

    private Path archives() {
        return root.resolve("var/lib/motcua/class-archive");
    }

    /** The launcher's class-data archive the running runtime has mapped, if any. */
    private Optional<Path> archiveInUse() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(running.get().pid()), "maps")).stream()
                .filter(l -> l.contains("/class-archive/")).map(l -> Path.of(l.substring(l.indexOf('/')).strip())).findFirst();
    }

    /** Puts {@code bytes} at {@code archive} as a new file (the running JVM keeps the one it mapped). */
    private void replace(Path archive, byte[] bytes) throws IOException {
        Path tmp = archive.resolveSibling("replacement");
        Files.write(tmp, bytes);
        Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String cksum(Path file) throws Exception {
        Ctl.Result r = ChildProcess.run(dir, 30, "bash", "-c", "cksum < \"$1\"", "cksum", file.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        return r.out().strip();
    }

    // ---------------------------------------------------------------- the device

    /** motcua-setup --root R with the update key, then the identity made local (sim, CoAP on loopback), then the loop. */
    private TestBundles.Keys installAndStart() throws Exception {
        RealPeers.require("mosquitto", MosquittoProcess.available());
        RealPeers.require("coap-client (libcoap3-bin)", LibCoap.available());
        broker = new MosquittoProcess().start();
        Path home = ReleaseBundleTest.extracted();
        TestBundles.Keys keys = TestBundles.keys(Files.createDirectories(dir.resolve("keys")));
        Ctl.Result setup = ChildProcess.run(home, 180, "bin/motcua-setup", "--kind", KIND, "--device-id", ID,
                "--office", "hoang-mai/dinh-cong", "--broker", broker.uri(), "--update-key", keys.publicFile().toString(),
                "--root", root.toString());
        assertThat(setup.exit()).as(setup.toString()).isZero();
        Path identity = root.resolve("etc/motcua/device.json");
        ObjectNode id = (ObjectNode) Json.parse(Files.readString(identity));
        ((ObjectNode) id.get("coap")).put("port", coapPort).put("bind", "127.0.0.1");
        id.putObject("hardware").put("profile", "sim");
        Files.writeString(identity, Json.write(id));
        key = Files.readString(root.resolve("etc/motcua/psk")).strip();
        recorder = new MqttRecorder(broker.uri(), "motcua/v1/hoang-mai/dinh-cong/" + ID + "/#", false);
        loop = new Thread(this::restartLoop, "restart-always");
        loop.setDaemon(true);
        loop.start();
        awaitOnline(Files.readString(root.resolve("opt/motcua/current/VERSION")).strip());
        LibCoap.Result put = LibCoap.run(30, "-B", "20", "-u", ID, "-k", key, "-m", "put", "-e",
                "{\"version\":1,\"updateTrialSeconds\":10}", "coaps://127.0.0.1:" + coapPort + "/config");
        assertThat(put.exit()).as(put.out()).isZero();
        return keys;
    }

    /** As systemd's Restart=always with RestartPreventExitStatus=2, with a short delay instead of 3 s. */
    private void restartLoop() {
        Path launcher = root.resolve("opt/motcua/bin/motcua-run");
        while (looping) {
            try {
                int n = starts.incrementAndGet();
                Process p = new ProcessBuilder("bash", launcher.toString(), "--root", root.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("run-" + n + ".log").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                running.set(p);
                int exit = p.waitFor();
                if (exit == 2) {
                    return;
                }
                Thread.sleep(300);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A bundle of the installed release as version 9.0.0, signed by the district, staged as the device stages one. */
    private void stageAndRestart(TestBundles.Keys keys) throws Exception {
        stage(root.resolve("opt/motcua/current"), keys);
        cleanRestart();
    }

    /** The release in {@code release} as version 9.0.0, signed and staged. */
    private void stage(Path release, TestBundles.Keys keys) throws Exception {
        Path bundle = dir.resolve("bundle.zip");
        BundleWriter.fromReleaseDir(release, KIND, NEW, keys.privateKey(), bundle);
        // as the device's PUT /update leaves it: verified, in its own update directory
        Files.createDirectories(paths.updateDir());
        Files.copy(bundle, paths.incoming());
    }

    private void cleanRestart() throws Exception {
        int before = starts.get();
        Process p = running.get();
        p.destroy();
        assertThat(p.waitFor()).as("exit on SIGTERM").isZero();
        await(() -> starts.get() > before, Duration.ofSeconds(30), "the loop starts the device again");
    }

    private void awaitOnline(String version) throws Exception {
        List<MqttRecorder.Message> online = recorder.await(m -> m.topic().endsWith("/state")
                && "online".equals(m.json().path("status").asText()) && version.equals(m.json().path("version").asText())
                && m.json().path("session").asLong() > 0 && startedAfterLastCheck(m), 1, Duration.ofSeconds(90));
        assertThat(online).as("online with version %s; last log: %s", version, lastLog()).isNotEmpty();
        seenSessions = Math.max(seenSessions, online.get(0).json().path("session").asLong());
    }

    private long seenSessions;

    private boolean startedAfterLastCheck(MqttRecorder.Message m) {
        return m.json().path("session").asLong() > seenSessions;
    }

    private void awaitCommitted(String old) throws Exception {
        List<MqttRecorder.Message> committed = recorder.await(m -> m.topic().endsWith("/event/update/committed"), 1,
                Duration.ofSeconds(60));
        assertThat(committed).as("update.committed; last log: %s", lastLog()).hasSize(1);
        assertThat(committed.get(0).json().path("data").toString())
                .isEqualTo("{\"version\":\"" + NEW + "\",\"previous\":\"" + old + "\"}");
        await(() -> Files.exists(paths.commit()), Duration.ofSeconds(10), "the commit file");
    }

    private void awaitLog(String line, int run) throws Exception {
        Path log = dir.resolve("run-" + run + ".log");
        await(() -> {
            try {
                return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line);
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(60), "'" + line + "' in " + log);
    }

    /** The MQTT session the device of start {@code run} connected with, from its log. */
    private long sessionConnected(int run) throws Exception {
        awaitLog("connected to MQTT broker", run);
        Matcher m = CONNECTED_SESSION.matcher(Files.readString(dir.resolve("run-" + run + ".log"), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the session in run-%s.log", run).isTrue();
        return Long.parseLong(m.group(1));
    }

    private UpdateState state() throws IOException {
        return UpdateState.read(paths.stateFile()).orElseThrow();
    }

    private String lastLog() {
        try {
            return Files.readString(dir.resolve("run-" + starts.get() + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(none)";
        }
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last log: " + lastLog());
            }
            Thread.sleep(100);
        }
    }
}
