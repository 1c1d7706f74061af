package vn.motcua.office.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.office.OfficeSettings;

@Tag("slow")
class ChildDeviceTest {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private final Path runDir = TestDirs.create("child-");
    private final OfficeSettings settings = new OfficeSettings(HOME, runDir, "tcp://127.0.0.1:" + FreePorts.tcp(), 0,
            0, 1, FreePorts.udp(), FreePorts.tcp());

    @Test
    void a_device_that_dies_is_started_again_and_a_stop_ends_it() throws Exception {
        DeviceSpec printer = OfficePlan.devices(settings).get(0);
        RealPeers.require("the ticket printer jar (mvn package)", Files.isRegularFile(printer.jar()));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger launches = new AtomicInteger();
        ChildDevice child = new ChildDevice(printer, runDir, scheduler, spec -> launches.incrementAndGet());
        try {
            assertThat(child.start()).isTrue();
            long first = child.pid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();

            // the launch callback (the office's config push) runs right after the new process is up, not before
            await().atMost(Duration.ofSeconds(15)).until(() -> child.alive() && child.pid() != first && launches.get() >= 2);
            assertThat(launches).hasValue(2);
            assertThat(runDir.resolve("devices/printer-1/identity.json")).exists();
            assertThat(runDir.resolve("logs/printer-1.log")).exists();
        } finally {
            child.terminate();
            child.awaitOrKill(10_000);
            scheduler.shutdownNow();
        }
        assertThat(child.alive()).isFalse();
    }

    @Test
    void a_device_left_running_by_a_killed_office_is_stopped_before_it_starts_again() throws Exception {
        DeviceSpec printer = OfficePlan.devices(settings).get(0);
        RealPeers.require("the ticket printer jar (mvn package)", Files.isRegularFile(printer.jar()));
        ScheduledExecutorService deadOffice = Executors.newSingleThreadScheduledExecutor();
        ChildDevice orphan = new ChildDevice(printer, runDir, deadOffice, spec -> { });
        orphan.start();
        deadOffice.shutdownNow();
        long orphanPid = orphan.pid();

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ChildDevice child = new ChildDevice(printer, runDir, scheduler, spec -> { });
        try {
            child.start();
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(child.alive()).isTrue();
        } finally {
            child.terminate();
            child.awaitOrKill(10_000);
            orphan.awaitOrKill(1);
            scheduler.shutdownNow();
        }
    }

    @Test
    void a_device_without_a_built_jar_is_skipped() throws Exception {
        OfficeSettings elsewhere = new OfficeSettings(runDir, runDir, settings.brokerUri(), 0, 0, 1, 5701, 8091);
        DeviceSpec printer = OfficePlan.devices(elsewhere).get(0);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ChildDevice child = new ChildDevice(printer, runDir, scheduler, spec -> { });

        assertThat(child.start()).isFalse();
        assertThat(child.alive()).isFalse();
        scheduler.shutdownNow();
    }

    @Test
    void a_jar_without_the_lib_directory_its_manifest_names_is_skipped() throws Exception {
        OfficeSettings elsewhere = new OfficeSettings(runDir, runDir, settings.brokerUri(), 0, 0, 1, 5701, 8091);
        DeviceSpec printer = OfficePlan.devices(elsewhere).get(0);
        Path built = OfficePlan.devices(settings).get(0).jar();
        RealPeers.require("the ticket printer jar (mvn package)", Files.isRegularFile(built));
        Files.createDirectories(printer.jar().getParent());
        Files.copy(built, printer.jar());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ChildDevice child = new ChildDevice(printer, runDir, scheduler, spec -> { });

        assertThat(child.start()).as("a shaded-era jar alone would crash-loop with NoClassDefFoundError").isFalse();
        assertThat(child.alive()).isFalse();
        scheduler.shutdownNow();
    }
}
