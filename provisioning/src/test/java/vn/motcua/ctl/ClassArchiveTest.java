package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/**
 * The class-data-sharing archive the unit names: made by a training start as motcua-setup makes it, used by the JVM
 * that made it, and never a reason not to start: a JDK it does not match (an apt upgrade), jars it was not made from (an
 * update) or a missing file are ignored. (A truncated archive crashes JDK 17 with SIGBUS while mapping it: motcua-setup
 * therefore writes it under another name, syncs it and renames it, so a power cut never leaves a partial one.)
 * Each start uses the JVM options of the unit motcua-setup writes.
 */
@Tag("slow")
class ClassArchiveTest {
    private static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path dir = TestDirs.create("cds-");
    private int runs;

    @Test
    void the_archive_from_a_training_start_is_used_and_one_of_other_jars_or_none_is_ignored() throws Exception {
        Path home = ReleaseBundleTest.extracted();
        Path jsa = train(home);

        Path log = start(THIS_JAVA, home, "-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=info");
        assertThat(Files.readString(log)).as("the dynamic archive was mapped and kept").contains("Mapped dynamic region")
                .doesNotContain("Unmapping region #0");

        // the same path with another jar, as after an update in place: the JVM checks each jar's size and time
        Path jar = home.resolve("release/device-ticket-printer.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        log = start(THIS_JAVA, home, "-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=info");
        assertThat(Files.readString(log)).as("the stale archive was let go")
                .contains("A jar file is not the one used while building the shared archive file", "Unmapping region #0");

        start(THIS_JAVA, home, "-XX:SharedArchiveFile=" + dir.resolve("missing.jsa"));
    }

    @Test
    void another_jdk_ignores_the_archive_and_the_device_starts() throws Exception {
        Optional<Path> other = otherJava();
        assumeTrue(other.isPresent(), "no other JDK (17 or newer) under /usr/lib/jvm");
        Path home = ReleaseBundleTest.extracted();
        Path jsa = train(home);
        start(other.get(), home, "-XX:SharedArchiveFile=" + jsa);
    }

    /** A training start as motcua-setup's: the unit's options without the archive, dumping at the clean stop. */
    private Path train(Path home) throws Exception {
        Path jsa = dir.resolve("device-ticket-printer.jsa");
        Path log = dir.resolve("training.log");
        DeviceProcess device = DeviceProcess.startJar(THIS_JAVA, home.resolve("release/device-ticket-printer.jar"),
                identity("training"), dir.resolve("training-state"), log, unitOptions(home, "-XX:ArchiveClassesAtExit=" + jsa));
        ReleaseBundleTest.awaitLine(device, log, " running; MQTT ");
        assertThat(device.terminate()).as("exit code of the training start; see %s", log).isZero();
        assertThat(jsa).as("archive written at the clean stop").isNotEmptyFile();
        return jsa;
    }

    /** Starts the release's printer with the unit's options plus {@code extra}; returns its log once it runs and stopped. */
    private Path start(Path java, Path home, String... extra) throws Exception {
        String name = "run-" + runs++;
        Path log = dir.resolve(name + ".log");
        DeviceProcess device = DeviceProcess.startJar(java, home.resolve("release/device-ticket-printer.jar"), identity(name),
                dir.resolve(name + "-state"), log, unitOptions(home, extra));
        ReleaseBundleTest.awaitLine(device, log, " running; MQTT ");
        assertThat(device.terminate()).as("exit code on SIGTERM; see %s", log).isZero();
        return log;
    }

    /** The JVM options of the unit motcua-setup writes for a ticket printer, with its archive replaced by {@code extra}. */
    private String[] unitOptions(Path home, String... extra) throws Exception {
        Path root = dir.resolve("staging");
        if (!Files.exists(root.resolve("etc/motcua/launcher.conf"))) {
            Ctl.Result setup = ChildProcess.run(home, 120, "bin/motcua-setup", "--kind", "ticket-printer", "--device-id",
                    "tp-dinh-cong-01", "--office", "hoang-mai/dinh-cong", "--broker", "tcp://10.0.0.5:1883", "--root", root.toString());
            assertThat(setup.exit()).as(setup.toString()).isZero();
        }
        // the unit starts motcua-run, which execs java with the options of launcher.conf
        String javaOptions = Files.readAllLines(root.resolve("etc/motcua/launcher.conf")).stream()
                .filter(l -> l.startsWith("JAVA_OPTIONS=")).findFirst().orElseThrow();
        List<String> words = List.of(javaOptions.substring("JAVA_OPTIONS=".length()).split(" "));
        List<String> options = new ArrayList<>();
        for (String w : words) {
            if (!w.startsWith("-XX:SharedArchiveFile=") && !w.startsWith("-Djava.io.tmpdir=") && !w.startsWith("-Duser.home=")) {
                options.add(w);
            }
        }
        assertThat(options).contains("-Xshare:auto", "-XX:+UseG1GC");
        options.addAll(List.of(extra));
        return options.toArray(String[]::new);
    }

    private Path identity(String name) {
        return TestIdentities.write(dir.resolve(name), TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + FreePorts.tcp()));
    }

    /** A JDK 17 or newer under /usr/lib/jvm that is not the one running the tests. */
    private static Optional<Path> otherJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Path mine = THIS_JAVA.toRealPath();
        try (Stream<Path> dirs = Files.list(jvms)) {
            for (Path d : dirs.sorted().toList()) {
                Path java = d.resolve("bin/java");
                if (Files.isExecutable(java) && !java.toRealPath().equals(mine) && feature(d) >= 17) {
                    return Optional.of(java);
                }
            }
        }
        return Optional.empty();
    }

    private static int feature(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                .map(l -> l.replaceAll("[^0-9.]", "").split("\\.")[0]).filter(v -> !v.isEmpty())
                .map(Integer::parseInt).findFirst().orElse(0);
    }
}
