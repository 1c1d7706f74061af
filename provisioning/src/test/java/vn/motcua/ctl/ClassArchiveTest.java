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
 * The class-data-sharing archive the launcher makes: a training start by {@code motcua-run --class-archive} on a tree
 * {@code motcua-setup} staged, used by the JVM that made it, and never a reason not to start: a JDK it does not match (an
 * apt upgrade), jars it was not made from (an update in place) or a missing file are ignored. (A truncated archive
 * crashes JDK 17 with SIGBUS while mapping it: the launcher therefore records its size and CRC and never passes one
 * that differs; {@code tests/run.sh} and {@link LauncherUpdateSlowTest} cover that.) Each start uses the JVM options of
 * the unit motcua-setup writes plus what the launcher adds.
 */
@Tag("slow")
class ClassArchiveTest {
    private static final Path THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path dir = TestDirs.create("cds-");
    private final Path root = dir.resolve("staging");
    private int runs;

    @Test
    void the_archive_from_a_training_start_is_used_and_one_of_other_jars_or_none_is_ignored() throws Exception {
        Path jsa = train();

        Path log = start(THIS_JAVA, "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=info");
        assertThat(Files.readString(log)).as("the dynamic archive was mapped and kept").contains("Mapped dynamic region")
                .doesNotContain("Unmapping region #0");

        // the same path with another jar, as after an update in place: the JVM checks each jar's size and time
        Path jar = jar();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        log = start(THIS_JAVA, "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=info");
        assertThat(Files.readString(log)).as("the stale archive was let go")
                .contains("A jar file is not the one used while building the shared archive file", "Unmapping region #0");

        start(THIS_JAVA, "-XX:SharedArchiveFile=" + dir.resolve("missing.jsa"), "-Xshare:auto");
    }

    @Test
    void another_jdk_ignores_the_archive_and_the_device_starts() throws Exception {
        Optional<Path> other = otherJava();
        assumeTrue(other.isPresent(), "no other JDK (17 or newer) under /usr/lib/jvm");
        Path jsa = train();
        start(other.get(), "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto");
    }

    /** The launcher's training start: {@code motcua-run --root R --class-archive}, with this JVM in launcher.conf. */
    private Path train() throws Exception {
        stage();
        Ctl.Result made = ChildProcess.run(root, 180, "bash", root.resolve("opt/motcua/bin/motcua-run").toString(),
                "--root", root.toString(), "--class-archive");
        assertThat(made.exit()).as(made.toString()).isZero();
        try (Stream<Path> files = Files.walk(root.resolve("var/lib/motcua/class-archive"))) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("device-ticket-printer-[0-9a-f]{16}\\.jsa"))
                    .toList();
            assertThat(archives).as("the archive the launcher made; %s", made).hasSize(1);
            assertThat(archives.get(0)).isNotEmptyFile();
            return archives.get(0);
        }
    }

    /** Starts the staged printer with the unit's options plus {@code extra}; returns its log once it runs and stopped. */
    private Path start(Path java, String... extra) throws Exception {
        String name = "run-" + runs++;
        Path log = dir.resolve(name + ".log");
        DeviceProcess device = DeviceProcess.startJar(java, jar(), identity(name), dir.resolve(name + "-state"), log,
                unitOptions(extra));
        ReleaseBundleTest.awaitLine(device, log, " running; MQTT ");
        assertThat(device.terminate()).as("exit code on SIGTERM; see %s", log).isZero();
        return log;
    }

    /** The jar the unit starts, as the launcher names it (the archive records the class path as it was given). */
    private Path jar() {
        return root.resolve("opt/motcua/current/device-ticket-printer.jar");
    }

    /** A ticket printer staged by motcua-setup from the release bundle, its launcher.conf naming this JVM. */
    private void stage() throws Exception {
        Path home = ReleaseBundleTest.extracted();
        Ctl.Result setup = ChildProcess.run(home, 120, "bin/motcua-setup", "--kind", "ticket-printer", "--device-id",
                "tp-dinh-cong-01", "--office", "hoang-mai/dinh-cong", "--broker", "tcp://10.0.0.5:1883", "--root", root.toString());
        assertThat(setup.exit()).as(setup.toString()).isZero();
        Path conf = root.resolve("etc/motcua/launcher.conf");
        Files.writeString(conf, Files.readString(conf).replaceAll("(?m)^JAVA=.*$", "JAVA=" + THIS_JAVA));
    }

    /** The JVM options of the unit motcua-setup writes for a ticket printer (launcher.conf), then {@code extra}. */
    private String[] unitOptions(String... extra) throws Exception {
        // the unit starts motcua-run, which execs java with the options of launcher.conf and its archive
        String javaOptions = Files.readAllLines(root.resolve("etc/motcua/launcher.conf")).stream()
                .filter(l -> l.startsWith("JAVA_OPTIONS=")).findFirst().orElseThrow();
        List<String> options = new ArrayList<>();
        for (String w : javaOptions.substring("JAVA_OPTIONS=".length()).split(" ")) {
            if (!w.startsWith("-Djava.io.tmpdir=") && !w.startsWith("-Duser.home=")) {
                options.add(w);
            }
        }
        assertThat(options).contains("-XX:+UseG1GC").noneMatch(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xshare"));
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
