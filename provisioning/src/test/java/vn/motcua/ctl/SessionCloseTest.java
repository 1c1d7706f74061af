package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.testing.TestDirs;

/** motcua-ctl ends its DTLS session with close_notify on every path: success, an error answer, Ctrl-C. */
@Tag("slow")
class SessionCloseTest {
    private final ClosingDevice device = new ClosingDevice();
    private final Path dir = TestDirs.create("close-");

    @AfterEach
    void stop() {
        device.close();
    }

    private String[] args(String... command) throws Exception {
        Path psk = dir.resolve("psk");
        Files.writeString(psk, SecureDevice.KEY + "\n");
        Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-------"));
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of("--device", "coaps://127.0.0.1:" + device.port, "--psk-identity", SecureDevice.DEVICE_ID,
                "--psk-file", psk.toString(), "--timeout", "10"));
        return all.toArray(String[]::new);
    }

    private void awaitCloseNotifies(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (device.closeNotifies() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(device.closeNotifies()).isEqualTo(count);
    }

    @Test
    void a_successful_call_and_an_error_answer_both_end_with_close_notify() throws Exception {
        Ctl.Result ok = Ctl.run(args("health"));
        assertThat(ok.exit()).as(ok.toString()).isZero();
        awaitCloseNotifies(1);
        Ctl.Result missing = Ctl.run(args("events", "--after", "0"));
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(1);
        awaitCloseNotifies(2);
    }

    @Test
    void ctrl_c_during_telemetry_observe_ends_the_session() throws Exception {
        Path out = dir.resolve("out");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MotcuaCtl.class.getName()));
        cmd.addAll(List.of(args("telemetry", "--observe")));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectErrorStream(false)
                .redirectError(dir.resolve("err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out, StandardCharsets.UTF_8).contains("hardware") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("hardware");
            assertThat(device.closeNotifies()).isZero();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            awaitCloseNotifies(1);
        } finally {
            p.destroyForcibly();
        }
    }
}
