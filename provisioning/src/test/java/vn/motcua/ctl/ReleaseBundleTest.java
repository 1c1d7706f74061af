package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/** The release bundle built by {@code mvn package}: its layout, motcua-setup and motcua-ctl run from it, a device runs from it. */
@Tag("slow")
class ReleaseBundleTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> KEPT_SQLITE_NATIVES = List.of("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
            "org/sqlite/native/Linux/armv6/libsqlitejdbc.so", "org/sqlite/native/Linux/armv7/libsqlitejdbc.so",
            "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");

    @Test
    void the_extracted_bundle_installs_into_a_staging_root_and_runs_motcua_ctl() throws Exception {
        Path home = extracted();
        assertThat(home.resolve("bin/motcua-setup")).isExecutable();
        assertThat(home.resolve("bin/motcua-ctl")).isExecutable();
        assertThat(home.resolve("release/motcua-ctl.jar")).isRegularFile();
        assertThat(home.resolve("release/device-ticket-printer.jar")).isRegularFile();
        assertThat(home.resolve("release/VERSION")).isRegularFile();
        assertThat(home.resolve("share/motcua-setup/motcua.service.in")).isRegularFile();
        assertThat(home.resolve("share/motcua-setup/motcua-kiosk-screen")).isExecutable();
        assertThat(home.resolve("README.md")).isRegularFile();

        Path root = home.resolveSibling("staging");
        Ctl.Result setup = ChildProcess.run(home, 120, "bin/motcua-setup", "--kind", "ticket-printer", "--device-id",
                "tp-dinh-cong-01", "--office", "hoang-mai/dinh-cong", "--broker", "tcp://10.0.0.5:1883", "--root", root.toString());
        assertThat(setup.exit()).as(setup.toString()).isZero();
        assertThat(setup.err()).doesNotContain("templates are missing");
        String version = Files.readString(home.resolve("release/VERSION")).strip();
        assertThat(root.resolve("opt/motcua/current")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(root.resolve("opt/motcua/current"))).isEqualTo(Path.of("releases", version));
        assertThat(root.resolve("opt/motcua/current/device-ticket-printer.jar")).hasSameBinaryContentAs(
                home.resolve("release/device-ticket-printer.jar"));
        try (Stream<Path> libs = Files.list(home.resolve("release/lib"))) {
            for (Path lib : libs.toList()) {
                assertThat(root.resolve("opt/motcua/current/lib").resolve(lib.getFileName())).hasSameBinaryContentAs(lib);
            }
        }
        assertThat(root.resolve("etc/systemd/system/motcua.service")).isRegularFile();
        assertThat(root.resolve("etc/motcua/device.json")).isRegularFile();

        Ctl.Result ctlVersion = ChildProcess.run(home, 60, "bin/motcua-ctl", "--version");
        assertThat(ctlVersion.exit()).as(ctlVersion.toString()).isZero();
        assertThat(ctlVersion.out()).startsWith("motcua-ctl ");
        Ctl.Result check = ChildProcess.run(home, 60, "bin/motcua-ctl", "office", "check", "/nonexistent.json");
        assertThat(check.exit()).isEqualTo(4);
    }

    @Test
    void the_release_holds_each_library_once_unsigned_and_natives_only_for_linux_x86_64_and_the_pis() throws Exception {
        Path lib = extracted().resolve("release/lib");
        List<String> names;
        try (Stream<Path> files = Files.list(lib)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names.stream().map(n -> n.replaceAll("-[0-9][^-]*\\.jar$", ""))).doesNotHaveDuplicates();
        assertThat(names).noneMatch(n -> n.startsWith("device-") || n.startsWith("jsch") || n.contains("reload4j"));
        for (String name : names) {
            try (JarFile j = new JarFile(lib.resolve(name).toFile())) {
                assertThat(j.stream().map(ZipEntry::getName).filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")).toList())
                        .as("signature files in %s (a signed jar is verified at each start and kept out of a CDS archive)", name)
                        .isEmpty();
            }
        }
        String sqlite = names.stream().filter(n -> n.startsWith("sqlite-jdbc-")).findFirst().orElseThrow();
        assertThat(nativesIn(lib.resolve(sqlite))).containsExactlyElementsOf(KEPT_SQLITE_NATIVES);
        String serial = names.stream().filter(n -> n.startsWith("jSerialComm-")).findFirst().orElseThrow();
        assertThat(nativesIn(lib.resolve(serial))).allMatch(n -> n.startsWith("Linux/")).hasSize(5);
        String jna = names.stream().filter(n -> n.startsWith("jna-")).findFirst().orElseThrow();
        assertThat(nativesIn(lib.resolve(jna))).containsExactly("com/sun/jna/linux-aarch64/libjnidispatch.so",
                "com/sun/jna/linux-arm/libjnidispatch.so", "com/sun/jna/linux-x86-64/libjnidispatch.so");
    }

    @Test
    void a_ticket_printer_started_from_the_release_tree_opens_its_state_with_the_slimmed_sqlite() throws Exception {
        Path home = extracted();
        Path dir = TestDirs.create("release-run-");
        Path identity = TestIdentities.write(dir, TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:" + FreePorts.tcp()));
        Path log = dir.resolve("device.log");
        DeviceProcess device = DeviceProcess.startJar(home.resolve("release/device-ticket-printer.jar"), identity,
                dir.resolve("state"), log);
        try {
            awaitLine(device, log, " running; MQTT ");
            assertThat(dir.resolve("state")).isDirectoryContaining(p -> p.getFileName().toString().equals("motcua.db"));
        } finally {
            assertThat(device.terminate()).as("exit code on SIGTERM; see %s", log).isZero();
        }
    }

    static void awaitLine(DeviceProcess device, Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains(line)) {
            if (System.nanoTime() > deadline || !device.alive()) {
                throw new AssertionError("the device did not log '" + line + "'; its log: "
                        + (Files.exists(log) ? Files.readString(log) : "(none)"));
            }
            Thread.sleep(100);
        }
    }

    /** The bundle built in the package phase, extracted into a fresh directory; returns its top directory. */
    static Path extracted() throws IOException, InterruptedException {
        RealPeers.require("bash, tar and xz", ChildProcess.onPath("bash") && ChildProcess.onPath("tar") && ChildProcess.onPath("xz"));
        Path bundle;
        try (Stream<Path> files = Files.list(MODULE.resolve("target"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("motcua-.*\\.tar\\.xz")).toList();
            assertThat(found).as("built in the package phase").hasSize(1);
            bundle = found.get(0);
        }
        Path dir = TestDirs.create("bundle-");
        Ctl.Result untar = ChildProcess.run(dir, 60, "tar", "xJf", bundle.toString());
        assertThat(untar.exit()).as(untar.toString()).isZero();
        return dir.resolve(bundle.getFileName().toString().replace(".tar.xz", ""));
    }

    private static List<String> nativesIn(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib")
                            || n.endsWith(".a"))
                    .sorted().toList();
        }
    }
}
