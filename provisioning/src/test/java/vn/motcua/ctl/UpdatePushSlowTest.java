package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.DeviceProcess;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.LibCoap;
import vn.motcua.common.testing.RealPeers;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.UpdateBundles;
import vn.motcua.common.update.UpdatePaths;

/** Bundles pushed over DTLS by libcoap's coap-client, and by motcua-ctl to a device process with a 96 MB heap (timed). */
@Tag("slow")
class UpdatePushSlowTest {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @Test
    void coap_client_pushes_a_bundle_that_the_device_stages() throws Exception {
        RealPeers.require("libcoap3-bin (coap-client-openssl)", LibCoap.available());
        Path root = TestDirs.create("root-");
        UpdateBundles bundles = new UpdateBundles(TestDirs.create("bundles-"), root);
        Path bundle = bundles.bundle("ticket-printer", "99.0.0", 500_000);
        try (SecureDevice device = new SecureDevice("tcp://127.0.0.1:1", root)) {
            LibCoap.Result r = LibCoap.run(120, "-B", "100", "-m", "put", "-b", "1024", "-f", bundle.toString(),
                    "-u", SecureDevice.DEVICE_ID, "-k", SecureDevice.KEY, device.uri() + "/update");
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("staged 99.0.0");
            assertThat(device.device.runtime().updatePaths().incoming()).hasSameBinaryContentAs(bundle);
            assertThat(device.device.runtime().events().readAfter(0, 500)).anyMatch(e -> e.type().equals("update.staged"));
        }
    }

    @Test
    void motcua_ctl_pushes_7_mb_to_a_device_with_a_96_mb_heap() throws Exception {
        Path dir = TestDirs.create("measure-");
        Path root = dir.resolve("root");
        UpdateBundles bundles = new UpdateBundles(dir.resolve("bundles"), root);
        Path bundle = bundles.bundle("ticket-printer", "99.0.0", 7 * 1024 * 1024);
        int port = FreePorts.udp();
        Path psk = dir.resolve("psk");
        Files.writeString(psk, SecureDevice.KEY + "\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim(SecureDevice.DEVICE_ID, "ticket-printer", "tcp://127.0.0.1:1");
        ((ObjectNode) id.get("coap")).put("port", port).put("bind", "127.0.0.1").put("secure", true)
                .put("pskIdentity", SecureDevice.DEVICE_ID).put("pskFile", psk.toString());
        Path identity = TestIdentities.write(dir, id);
        Path state = dir.resolve("state");
        UpdatePaths paths = UpdatePaths.under(root, state);
        List<Long> millis = new ArrayList<>();
        int peakBefore = 0;
        int peakAfter = 0;
        for (int run = 1; run <= 3; run++) {
            Files.deleteIfExists(paths.incoming());
            Path log = dir.resolve("device-" + run + ".log");
            Path gcLog = dir.resolve("gc-" + run + ".log");
            DeviceProcess device = DeviceProcess.start(RootedTicketPrinter.class.getName(), identity, state, log,
                    "-Xmx96m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Xss256k",
                    "-Xlog:gc:file=" + gcLog, "-Dmotcua.test.update-root=" + root);
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(log) && Files.readString(log).contains("running on coap port"));
            long start = System.nanoTime();
            Ctl.Result r = Ctl.run("update", "--bundle", bundle.toString(), "--device", "coaps://127.0.0.1:" + port,
                    "--psk-identity", SecureDevice.DEVICE_ID, "--psk-file", psk.toString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(paths.incoming()).hasSameBinaryContentAs(bundle);
            await().atMost(Duration.ofSeconds(30)).until(() -> !device.alive());
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    peakBefore = Math.max(peakBefore, Integer.parseInt(m.group(1)));
                    peakAfter = Math.max(peakAfter, Integer.parseInt(m.group(2)));
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("MEASURE update push: %,d bytes over coaps on loopback, runs %s ms, median %d ms; device heap "
                + "(-Xmx96m, G1) at most %d MB before a GC, %d MB after%n", Files.size(bundle), millis, sorted.get(1),
                peakBefore, peakAfter);
        assertThat(peakAfter).isLessThan(96);
    }
}
