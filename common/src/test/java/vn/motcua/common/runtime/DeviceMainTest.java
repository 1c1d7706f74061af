package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.testing.TickingDevice;
import vn.motcua.common.testing.WiredHardware;

class DeviceMainTest {
    private final Path dir = TestDirs.create("main-");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private PrintStream oldOut;

    @BeforeEach
    void captureOutput() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    private int run(String... args) {
        return DeviceMain.run(args, DeviceKind.TICKET_PRINTER, WiredHardware.MODEL, hardware -> new TickingDevice());
    }

    @Test
    void a_bad_identity_exits_2_with_one_line_naming_file_and_field() {
        ObjectNode id = TestIdentities.sim("x", "ticket-printer", "tcp://127.0.0.1:1883");
        Path file = TestIdentities.write(dir, id);
        assertThat(run("--identity", file.toString(), "--state-dir", dir.resolve("s").toString())).isEqualTo(2);
        String line = err.toString(StandardCharsets.UTF_8);
        assertThat(line.strip()).doesNotContain("\n").contains(file.toString()).contains("'deviceId'");
    }

    @Test
    void a_missing_identity_file_exits_2() {
        assertThat(run("--identity", dir.resolve("nope.json").toString(), "--state-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json").contains("cannot be read");
    }

    @Test
    void an_identity_of_another_kind_exits_2() {
        Path file = TestIdentities.write(dir, TestIdentities.sim("pad-01", "rating-pad", "tcp://127.0.0.1:1883"));
        assertThat(run("--identity", file.toString(), "--state-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'kind'").contains("rating-pad");
    }

    @Test
    void unknown_arguments_exit_2() {
        assertThat(run("--identity", "x.json", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--frobnicate");
    }

    @Test
    void running_without_a_state_dir_exits_2() {
        Path file = TestIdentities.write(dir, TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883"));
        assertThat(run("--identity", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--state-dir");
    }

    @Test
    void with_root_the_identity_names_files_as_installed_under_the_staging_root() throws Exception {
        Path root = dir.resolve("root");
        Path psk = root.resolve("etc/motcua/psk");
        java.nio.file.Files.createDirectories(psk.getParent());
        java.nio.file.Files.writeString(psk, "0123456789abcdef0123456789abcdef\n");
        java.nio.file.Files.setPosixFilePermissions(psk, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ((ObjectNode) id.get("coap")).put("secure", true).put("pskIdentity", "tp-01").put("pskFile", "/etc/motcua/psk");
        Path file = TestIdentities.write(root.resolve("etc/motcua"), id);

        assertThat(run("--identity", file.toString(), "--state-dir", dir.toString(), "--check", "--root", root.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run("--identity", file.toString(), "--state-dir", dir.toString(), "--check")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("coap.pskFile");
    }

    @Test
    void check_of_a_good_sim_device_exits_0_with_a_report() {
        Path file = TestIdentities.write(dir, TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883"));
        assertThat(run("--identity", file.toString(), "--state-dir", dir.toString(), "--check")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("identity").contains("ok").contains("hardware: ok");
    }

    @Test
    void validate_identity_accepts_a_good_file_without_opening_its_secrets() {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ((ObjectNode) id.get("coap")).put("bind", "0.0.0.0").put("secure", true).put("pskFile", "/etc/motcua/not-yet-written");
        Path file = TestIdentities.write(dir, id);
        assertThat(run("--validate-identity", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(file + ": ok");
    }

    @Test
    void validate_identity_refuses_an_unknown_hardware_field_in_one_line_and_writes_nothing() {
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1883");
        ((ObjectNode) id.get("hardware")).put("printr", "xprinter-80");
        Path file = TestIdentities.write(dir, id);
        assertThat(run("--validate-identity", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n")
                .isEqualTo("bad identity: " + file + ": field 'hardware.printr': is not a known field "
                        + "(known: buttons, debounceMillis, lcd, leds, profile)");
        assertThat(run("--identity", file.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(2);
        assertThat(dir.resolve("state")).doesNotExist();
    }
}
