package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.Version;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.UpdateBundles;

/** motcua-ctl update against a ticket printer over coaps: progress, the staged answer, and the device's refusals. */
class UpdateCommandTest {
    private final Path root = TestDirs.create("root-");
    private final CountDownLatch restartRequested = new CountDownLatch(1);
    private SecureDevice device;
    private UpdateBundles bundles;

    @BeforeEach
    void givenATicketPrinterWithTheDistrictsKey() throws Exception {
        bundles = new UpdateBundles(TestDirs.create("bundles-"), root);
        device = new SecureDevice("tcp://127.0.0.1:1", root);
        device.device.runtime().onRestartRequest(restartRequested::countDown);
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void a_good_bundle_is_pushed_with_progress_and_staged() throws Exception {
        Path bundle = bundles.bundle("ticket-printer", "99.0.0", 300_000);
        Ctl.Result r = Ctl.run(device.args("update", "--bundle", bundle.toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("(10 %)").contains("(50 %)").contains("(100 %)")
                .contains("staged 99.0.0; the device restarts into it");
        assertThat(r.out().lines().filter(l -> l.startsWith("sent ")).count()).isBetween(10L, 12L);
        assertThat(device.device.runtime().updatePaths().incoming()).hasSameBinaryContentAs(bundle);
        assertThat(restartRequested.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void json_output_is_one_document_without_progress() throws Exception {
        Ctl.Result r = Ctl.run(device.args("update", "--json", "--bundle",
                bundles.bundle("ticket-printer", "99.0.0", 0).toString()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1);
        assertThat(Json.parse(r.out()).path("code").asText()).isEqualTo("2.04");
    }

    @Test
    void a_bundle_signed_with_another_key_prints_the_devices_reason_and_exits_1() throws Exception {
        Ctl.Result r = Ctl.run(device.args("update", "--bundle",
                bundles.signedWithAnotherKey("ticket-printer", "99.0.0").toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.DEVICE_ERROR);
        assertThat(r.out()).contains("device answered 4.03 (forbidden)").contains("manifest.sig");
        assertThat(restartRequested.getCount()).isEqualTo(1);
    }

    @Test
    void the_running_version_is_refused_with_4_09() throws Exception {
        Ctl.Result r = Ctl.run(device.args("update", "--bundle",
                bundles.bundle("ticket-printer", Version.get(), 0).toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.DEVICE_ERROR);
        assertThat(r.out()).contains("device answered 4.09 (conflict)").contains("not newer");
    }

    @Test
    void a_bundle_over_64_mib_is_refused_at_the_first_block() throws Exception {
        Path big = root.resolve("big.zip");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(64L * 1024 * 1024 + 1);
        }
        Ctl.Result r = Ctl.run(device.args("update", "--bundle", big.toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.DEVICE_ERROR);
        assertThat(r.out()).contains("device answered 4.13").contains("at most 67108864")
                .doesNotContain("sent ");
    }

    @Test
    void a_missing_bundle_file_is_exit_4() {
        Ctl.Result r = Ctl.run(device.args("update", "--bundle", root.resolve("nope.zip").toString()));
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.LOCAL_FILE);
        assertThat(r.err()).contains("nope.zip");
    }
}
