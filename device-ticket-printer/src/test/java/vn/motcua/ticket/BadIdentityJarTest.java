package vn.motcua.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;

/**
 * The real jar given a bad identity (hardware block included): exit 2 at once, one line on stderr naming the file and
 * the field, and nothing recorded (no state directory, so no {@code device.started}); systemd does not restart exit 2.
 */
@Tag("slow")
class BadIdentityJarTest {
    private static final Path JAR = Path.of("target", "device-ticket-printer.jar").toAbsolutePath();

    static Stream<Arguments> badIdentities() {
        return Stream.of(
                bad("hardware.printer.model", id -> printer(id).put("model", "xprinter-99")),
                bad("hardware.printer.transport", id -> printer(id).put("transport", "usb:/dev/usb/lp0")),
                bad("hardware.printer.transport", id -> printer(id).put("transport", "serial:/dev/ttyUSB0?baud=12")),
                bad("hardware.printer.transport", id -> printer(id).put("transport", "tcp:printer")),
                bad("hardware.printer.transport", id -> pi(id).remove("printer")),
                bad("hardware.printer.mode", id -> printer(id).put("model", "xprinter-80").put("mode", "codepage")),
                bad("hardware.printer.mode", id -> printer(id).put("mode", "ink")),
                bad("hardware.printer.speed", id -> printer(id).put("speed", 3)),
                bad("hardware.printer", id -> hw(id).put("printer", "xprinter-80")),
                bad("hardware.buttons.A", id -> pi(id).putObject("buttons").put("A", 40)),
                bad("hardware.buttons.A", id -> pi(id).putObject("buttons").put("A", "five")),
                bad("hardware.leds.B", id -> pi(id).putObject("leds").put("A", 12).put("B", 12)),
                bad("hardware.buttons.C", id -> {
                    ObjectNode hw = pi(id);
                    hw.putObject("lcd").put("columns", 20).put("rows", 4);
                    hw.putObject("buttons").put("C", 2);
                }),
                bad("hardware.debounceMillis", id -> hw(id).put("debounceMillis", -1)),
                bad("hardware.lcd.address", id -> hw(id).putObject("lcd").put("address", "0x99").put("columns", 20).put("rows", 4)),
                bad("hardware.lcd.rows", id -> hw(id).putObject("lcd").put("columns", 20).put("rows", 3)),
                bad("hardware.scanner", id -> hw(id).putObject("scanner").put("port", "/dev/ttyACM0")),
                bad("hardware.profile", id -> hw(id).put("profile", "arduino")),
                bad("coap.port", id -> ((ObjectNode) id.get("coap")).put("port", 70000)),
                bad("mqtt.uri", id -> ((ObjectNode) id.get("mqtt")).put("uri", "mqtt://broker")),
                bad("kind", id -> id.put("kind", "rating-pad").put("counter", 1)),
                Arguments.of("coap.pskFile", (BiConsumer<ObjectNode, Path>) BadIdentityJarTest::loosePsk));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdentities")
    void a_bad_identity_exits_2_once_naming_file_and_field_and_records_nothing(String field,
                                                                                BiConsumer<ObjectNode, Path> change)
            throws Exception {
        Path dir = TestDirs.create("bad-identity-");
        ObjectNode id = TestIdentities.sim("tp-01", "ticket-printer", "tcp://127.0.0.1:1");
        change.accept(id, dir);
        Path file = TestIdentities.write(dir, id);
        Path state = dir.resolve("state");

        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", JAR.toString(), "--identity", file.toString(), "--state-dir", state.toString()))
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the runtime exits by itself").isTrue();

        List<String> err = Files.readAllLines(dir.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join("\n", err)).isEqualTo(2);
        assertThat(err).singleElement().asString().startsWith("bad identity: " + file + ": field '" + field + "': ");
        assertThat(state).as("nothing recorded before the identity is valid").doesNotExist();
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, (BiConsumer<ObjectNode, Path>) (id, dir) -> change.accept(id));
    }

    private static ObjectNode hw(ObjectNode id) {
        return (ObjectNode) id.get("hardware");
    }

    private static ObjectNode pi(ObjectNode id) {
        ObjectNode hw = hw(id).put("profile", "pi");
        hw.putObject("printer").put("transport", "serial:/dev/ttyUSB0?baud=115200");
        return hw;
    }

    private static ObjectNode printer(ObjectNode id) {
        return hw(id).has("printer") ? (ObjectNode) hw(id).get("printer") : hw(id).putObject("printer");
    }

    /** A secure CoAP identity whose PSK file the group may read (chmod 640). */
    private static void loosePsk(ObjectNode id, Path dir) {
        try {
            Path psk = dir.resolve("psk");
            Files.writeString(psk, "0123456789abcdef0123456789abcdef\n");
            Files.setPosixFilePermissions(psk, PosixFilePermissions.fromString("rw-r-----"));
            ((ObjectNode) id.get("coap")).put("bind", "0.0.0.0").put("secure", true).put("pskFile", psk.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
