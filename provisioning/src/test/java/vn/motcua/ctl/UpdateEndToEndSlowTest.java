package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.LibCoap;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.NotifySocket;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;

/**
 * Issue 12 end to end: a tree made by {@code motcua-setup --root R --update-key PUB}, {@code motcua-run --root R} in a
 * loop as systemd would run it, a real Mosquitto with the district's durable subscriber, and bundles pushed with
 * libcoap's coap-client and with motcua-ctl over DTLS. Every wait is on something observable (an event, a birth, an
 * answer, a file); the timeouts are generous for a loaded 2-core CI box.
 */
@Tag("slow")
class UpdateEndToEndSlowTest {
    private static final String KIND = StagedDevice.KIND;
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration SHORT = Duration.ofSeconds(60);
    /** Trial seconds (10) plus starts on a slow box; the runtime's own limit is 10 minutes. */
    private static final Duration COMMIT = Duration.ofSeconds(360);
    private static final Duration ROLLBACK = Duration.ofSeconds(600);

    @BeforeEach
    void requirePeers() {
        RealPeers.require("bash", ChildProcess.onPath("bash"));
        RealPeers.require("mosquitto", MosquittoProcess.available());
        RealPeers.require("libcoap's coap-client (libcoap3-bin)", LibCoap.available());
        assertThat(StagedDevice.builtRelease(KIND).resolve("device-" + KIND + ".jar"))
                .as("the built device jar (mvn -pl device-ticket-printer,provisioning -am -DskipTests package)").isRegularFile();
    }

    @Test
    void a_newer_bundle_commits_a_foreign_or_old_one_is_refused_and_a_crashing_one_rolls_back_without_losing_an_event()
            throws Exception {
        UpdateKeys district = UpdateKeys.generate();
        UpdateKeys stranger = UpdateKeys.generate();
        Path builtJar = StagedDevice.builtRelease(KIND).resolve("device-" + KIND + ".jar");
        try (MosquittoProcess broker = new MosquittoProcess().start();
             DistrictSubscriber subscriber = new DistrictSubscriber(broker.uri(), StagedDevice.TOPIC_ROOT)) {
            StagedDevice device = StagedDevice.install(district.publicKey(), broker.uri());
            String first = device.currentRelease();
            try (LauncherLoop loop = LauncherLoop.start(device.root, TestDirs.create("loop-").resolve("launcher.log"), Map.of())) {
                subscriber.awaitBirth(first, 1, START);
                device.putConfig(1, 10);
                subscriber.awaitEvent("config.applied", "version", "1", SHORT);
                device.pressA();

                // a bundle of the built jar as a newer version: staged, restarted into it, online with it, committed
                Path v2 = district.bundle(KIND, "0.2.0", builtJar);
                long pushed = System.nanoTime();
                StagedDevice.Push push = device.push(v2);
                assertThat(push.code()).as("PUT /update of 0.2.0: %s\nlauncher log:\n%s", push.output(), loop.tail(40)).isEqualTo("2.04");
                BenchFigures.record("push of " + v2.getFileName() + " (" + Files.size(v2) + " bytes) with coap-client -b 1024 over DTLS",
                        BenchFigures.seconds(push.took()));
                subscriber.awaitEvent("update.staged", "version", "0.2.0", SHORT);
                subscriber.awaitBirth("0.2.0", 1, START);
                JsonNode committed = subscriber.awaitEvent("update.committed", "version", "0.2.0", COMMIT);
                BenchFigures.record("push of 0.2.0 to update.committed (updateTrialSeconds 10)",
                        BenchFigures.seconds(Duration.ofNanos(System.nanoTime() - pushed)));
                assertThat(committed.path("previous").asText()).isEqualTo(first);
                DistrictSubscriber.awaitRetainedBirth(broker.uri(), StagedDevice.TOPIC_ROOT, "0.2.0", SHORT);
                assertThat(device.updateStatus().path("running").asText()).isEqualTo("0.2.0");
                assertThat(device.currentRelease()).isEqualTo("0.2.0");

                // a bundle signed with another key: 4.03; the same version again: 4.09
                StagedDevice.Push foreign = device.push(stranger.bundle(KIND, "0.3.0", builtJar));
                assertThat(foreign.code()).as("bundle signed with another key: %s", foreign.output()).isEqualTo("4.03");
                StagedDevice.Push again = device.push(v2);
                assertThat(again.code()).as("the running version again: %s", again.output()).isEqualTo("4.09");
                subscriber.awaitEvent("update.refused", "version", "0.2.0", SHORT);

                // a correctly signed release whose jar exits 1 at start: rolled back by itself, then refused
                long birthsOfV2 = subscriber.births("0.2.0");
                Path crashing = district.bundle(KIND, "0.3.0", UpdateKeys.crashingJar(KIND));
                StagedDevice.Push bad = device.push(crashing);
                assertThat(bad.code()).as("PUT /update of the crashing 0.3.0: %s", bad.output()).isEqualTo("2.04");
                subscriber.awaitEvent("update.staged", "version", "0.3.0", SHORT);
                JsonNode rolledBack = subscriber.awaitEvent("update.rolled-back", "version", "0.3.0", ROLLBACK);
                assertThat(rolledBack.path("reason").asText()).as("%s\nlauncher log:\n%s", rolledBack, loop.tail(60)).isEqualTo("crash-loop");
                assertThat(rolledBack.path("to").asText()).isEqualTo("0.2.0");
                subscriber.awaitBirth("0.2.0", (int) birthsOfV2 + 1, START);
                DistrictSubscriber.awaitRetainedBirth(broker.uri(), StagedDevice.TOPIC_ROOT, "0.2.0", SHORT);
                assertThat(loop.exits()).as("exits of motcua-run in the loop").filteredOn(code -> code == 1).hasSizeGreaterThanOrEqualTo(3);
                assertThat(device.currentRelease()).isEqualTo("0.2.0");
                assertThat(device.updateState().refuses("0.3.0")).as("update.json refuses 0.3.0").isTrue();
                StagedDevice.Push refused = device.push(crashing);
                assertThat(refused.code()).as("the rolled-back version again: %s", refused.output()).isEqualTo("4.09");
                JsonNode status = device.updateStatus();
                assertThat(status.path("running").asText()).as("GET /update %s", status).isEqualTo("0.2.0");
                assertThat(status.path("last").path("version").asText()).as("GET /update %s", status).isEqualTo("0.3.0");
                assertThat(status.path("last").path("result").asText()).as("GET /update %s", status).isEqualTo("rolled-back");

                assertEveryRecordedEventArrived(device, subscriber);
            }
        }
    }

    @Test
    void kill_9_right_after_the_2_04_while_staging_and_during_the_trial_still_end_committed_with_no_event_lost() throws Exception {
        UpdateKeys district = UpdateKeys.generate();
        Path builtJar = StagedDevice.builtRelease(KIND).resolve("device-" + KIND + ".jar");
        try (MosquittoProcess broker = new MosquittoProcess().start();
             DistrictSubscriber subscriber = new DistrictSubscriber(broker.uri(), StagedDevice.TOPIC_ROOT)) {
            StagedDevice device = StagedDevice.install(district.publicKey(), broker.uri());
            String first = device.currentRelease();
            try (LauncherLoop loop = LauncherLoop.start(device.root, TestDirs.create("loop-").resolve("launcher.log"), Map.of())) {
                subscriber.awaitBirth(first, 1, START);
                // a trial long enough that the kill below lands in it on a loaded box
                device.putConfig(1, 30);
                subscriber.awaitEvent("config.applied", "version", "1", SHORT);
                device.pressA();

                Path v2 = district.bundle(KIND, "0.2.0", builtJar);
                long pushed = System.nanoTime();
                Ctl.Result push = device.ctl("update", "--bundle", v2.toString(), "--timeout", "60");
                Duration took = Duration.ofNanos(System.nanoTime() - pushed);
                loop.kill9();
                assertThat(push.exit()).as("motcua-ctl update: %s\nlauncher log:\n%s", push, loop.tail(40)).isZero();
                BenchFigures.record("push of " + v2.getFileName() + " (" + Files.size(v2) + " bytes) with motcua-ctl update over DTLS",
                        BenchFigures.seconds(took));
                boolean caught = killDuringExtraction(device, loop, "0.2.0");
                System.out.println("[kill -9] the launcher's Prepare while it extracted 0.2.0: "
                        + (caught ? "hit (releases/0.2.0.tmp was there)" : "missed (the extraction ended between two looks)"));
                subscriber.awaitEvent("update.staged", "version", "0.2.0", START);

                subscriber.awaitBirth("0.2.0", 1, START);
                device.pressA();
                Waits.until("a trial of 0.2.0 in update.json", SHORT, () -> Optional.ofNullable(device.updateState().trial())
                        .filter(t -> t.version().equals("0.2.0")));
                assertThat(subscriber.countEvents("update.committed", "version", "0.2.0")).as("committed before the kill").isZero();
                loop.kill9();

                JsonNode committed = subscriber.awaitEvent("update.committed", "version", "0.2.0", COMMIT);
                assertThat(committed.path("previous").asText()).isEqualTo(first);
                assertThat(subscriber.births("0.2.0")).as("births of 0.2.0 (before and after the kill in trial)").isGreaterThanOrEqualTo(2);
                assertThat(device.updateStatus().path("running").asText()).isEqualTo("0.2.0");
                assertThat(device.currentRelease()).isEqualTo("0.2.0");
                assertThat(device.paths.release("0.2.0").resolve("device-" + KIND + ".jar")).isRegularFile();
                assertThat(loop.exits()).as("no exit 2 (the loop would have stopped)").doesNotContain(2);

                assertEveryRecordedEventArrived(device, subscriber);
            }
        }
    }

    @Test
    void a_release_whose_outbox_hangs_in_trial_stops_the_watchdog_pings_and_is_rolled_back_as_hung() throws Exception {
        RealPeers.require("socat", NotifySocket.available());
        UpdateKeys district = UpdateKeys.generate();
        Path builtJar = StagedDevice.builtRelease(KIND).resolve("device-" + KIND + ".jar");
        try (MosquittoProcess broker = new MosquittoProcess().start();
             DistrictSubscriber subscriber = new DistrictSubscriber(broker.uri(), StagedDevice.TOPIC_ROOT);
             NotifySocket notify = NotifySocket.bind(TestDirs.create("notify-").resolve("notify"))) {
            StagedDevice device = StagedDevice.install(district.publicKey(), broker.uri());
            String first = device.currentRelease();
            Map<String, String> systemd = Map.of("NOTIFY_SOCKET", notify.path().toString(), "WATCHDOG_USEC", "2000000");
            try (LauncherLoop loop = LauncherLoop.start(device.root, TestDirs.create("loop-").resolve("launcher.log"), systemd)) {
                subscriber.awaitBirth(first, 1, START);
                notify.awaitCount("READY=1", 1, START);
                // a trial long enough for the outbox's 2-minute deadline to strike first
                device.putConfig(1, 600);
                subscriber.awaitEvent("config.applied", "version", "1", SHORT);

                // the hook goes into launcher.conf when the runtime stops after staging, and out after the hang
                loop.betweenStarts(code -> device.testHang(code == 0 ? "outbox" : null));
                StagedDevice.Push push = device.push(district.bundle(KIND, "0.2.0", builtJar));
                assertThat(push.code()).as("PUT /update of 0.2.0: %s", push.output()).isEqualTo("2.04");
                subscriber.awaitEvent("update.staged", "version", "0.2.0", SHORT);
                notify.awaitCount("READY=1", 2, START);
                int pings = notify.count("WATCHDOG=1");
                notify.awaitCount("WATCHDOG=1", pings + 3, SHORT);
                Waits.until("motcua-run exits 70 (hung outbox); loop exits " + loop.exits(), Duration.ofSeconds(300),
                        () -> loop.exits().contains(70) ? Optional.of(true) : Optional.empty());
                assertThat(Files.readString(loop.log())).contains("the outbox loop hung", "no more watchdog pings");

                JsonNode rolledBack = subscriber.awaitEvent("update.rolled-back", "version", "0.2.0", START);
                assertThat(rolledBack.path("reason").asText()).as("%s\nlauncher log:\n%s", rolledBack, loop.tail(60)).isEqualTo("hung");
                assertThat(rolledBack.path("to").asText()).isEqualTo(first);
                subscriber.awaitBirth(first, 2, START);
                notify.awaitCount("READY=1", 3, START);
                assertThat(device.currentRelease()).isEqualTo(first);
                assertThat(device.updateState().refuses("0.2.0")).as("update.json refuses 0.2.0").isTrue();

                assertEveryRecordedEventArrived(device, subscriber);
            }
        }
    }

    @Test
    void every_kinds_bundle_of_the_built_jar_fits_the_devices_64_mib_limit() throws Exception {
        UpdateKeys district = UpdateKeys.generate();
        Path releaseTree = StagedDevice.MODULE.resolve("target/release");
        for (String kind : List.of("ticket-printer", "rating-pad", "kiosk")) {
            Map<String, Path> jars = Map.of("module target/ (every native library)", StagedDevice.builtRelease(kind),
                    "release tree target/release/ (natives for Linux x86_64 and the Pis only)", releaseTree);
            for (Map.Entry<String, Path> from : jars.entrySet()) {
                Path jar = from.getValue().resolve("device-" + kind + ".jar");
                assertThat(jar).as("built %s jar (package phase)", kind).isRegularFile();
                Path bundle = district.bundle(kind, "0.2.0", jar);
                long size = Files.size(bundle);
                BenchFigures.record("bundle size, " + kind + ", from the " + from.getKey(), BenchFigures.size(size));
                assertThat(size).as("bundle of %s", kind).isLessThan(64L * 1024 * 1024);
            }
        }
    }

    /**
     * kill -9 of the launcher (its bash and the Prepare JVM) as soon as Prepare extracts the bundle (the release's
     * {@code .tmp} directory appears); returns false when the extraction ended between two looks (the kill is skipped).
     */
    private static boolean killDuringExtraction(StagedDevice device, LauncherLoop loop, String version) throws Exception {
        Path tmp = device.paths.releases().resolve(version + ".tmp");
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(tmp)) {
                loop.kill9();
                return true;
            }
            if (Files.isDirectory(device.paths.release(version))) {
                return false;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("Prepare did not extract " + version + " within " + START.toSeconds() + " s; launcher log:\n"
                + loop.tail(40));
    }

    /** GET /events holds N events; the durable subscriber got seq 1..N with no hole, each recorded one among them. */
    private static void assertEveryRecordedEventArrived(StagedDevice device, DistrictSubscriber subscriber) throws Exception {
        List<JsonNode> recorded = device.recordedEvents();
        assertThat(recorded).as("events recorded by the device").isNotEmpty();
        long last = recorded.get(recorded.size() - 1).path("seq").asLong();
        Waits.until("the subscriber has every seq up to " + last + " (has " + subscriber.typesBySeq() + ")", SHORT,
                () -> subscriber.seqs().containsAll(recorded.stream().map(e -> e.path("seq").asLong()).toList())
                        ? Optional.of(true) : Optional.empty());
        subscriber.assertEveryEventArrivedGapless(recorded);
        BenchFigures.record("events received gapless", recorded.size() + " recorded, seq 1.." + last + ", "
                + subscriber.events().size() + " deliveries (duplicates included)");
    }
}
