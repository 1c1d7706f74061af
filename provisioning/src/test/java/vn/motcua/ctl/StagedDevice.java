package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.LibCoap;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.common.update.UpdateState;

/**
 * A ticket printer's tree made by {@code motcua-setup --root R --update-key PUB} from the built release, and the ways a
 * test reaches it: coaps with its PSK (motcua-ctl in this JVM, or libcoap's coap-client), and its files under R.
 * The identity setup wrote is changed in two places only, for a test box: CoAP on a free loopback port (not 5684 on
 * every address, which other tests may hold), and the sim hardware profile (no GPIO, serial or printer here).
 */
final class StagedDevice {
    static final String KIND = "ticket-printer";
    static final String DEVICE_ID = "tp-upd-e2e-01";
    static final String OFFICE = "hoang-mai/dinh-cong";
    static final String TOPIC_ROOT = "motcua/v1/" + OFFICE + "/" + DEVICE_ID;
    static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Pattern ERROR_CODE = Pattern.compile("(?m)^([45]\\.\\d\\d)\\b");
    /** coap-client's own log lines (it exits 0 also when it got no answer at all, e.g. a DTLS handshake failed). */
    private static final Pattern CLIENT_FAILURE = Pattern.compile("(?m)^\\w{3} \\d\\d [0-9:.]+ (EMRG|ALRT|CRIT|ERR|WARN) ");

    /** What one {@code PUT /update} with coap-client answered, and how long the upload took. */
    record Push(String code, String output, Duration took) {
    }

    final Path root;
    final int port;
    final String psk;
    final Path pskFile;
    final UpdatePaths paths;

    private StagedDevice(Path root, int port, String psk, Path pskFile) {
        this.root = root;
        this.port = port;
        this.psk = psk;
        this.pskFile = pskFile;
        this.paths = UpdatePaths.under(root, root.resolve("var/lib/motcua"));
    }

    /** The built release (device jar and its lib/) of a kind, as the build leaves it in the kind's module. */
    static Path builtRelease(String kind) {
        return MODULE.resolveSibling("device-" + kind).resolve("target");
    }

    /** Runs motcua-setup into a fresh staging root with the built ticket-printer release and the district's public key. */
    static StagedDevice install(Path updateKeyPub, String brokerUri) throws Exception {
        Path root = TestDirs.create("upd-root-");
        Ctl.Result setup = ChildProcess.run(MODULE, 300, "bash", MODULE.resolve("motcua-setup").toString(),
                "--kind", KIND, "--device-id", DEVICE_ID, "--office", OFFICE, "--broker", brokerUri,
                "--root", root.toString(), "--jar-dir", builtRelease(KIND).toString(), "--update-key", updateKeyPub.toString());
        assertThat(setup.exit()).as("motcua-setup --root --update-key: %s", setup).isZero();
        assertThat(root.resolve("opt/motcua/bin/motcua-run")).as("the launcher setup installs").isExecutable();
        assertThat(root.resolve("etc/motcua/update-key.pub")).as("the key setup installs").hasSameTextualContentAs(updateKeyPub);

        Path identityFile = root.resolve("etc/motcua/device.json");
        ObjectNode identity = (ObjectNode) Json.parse(Files.readString(identityFile, StandardCharsets.UTF_8));
        ObjectNode coap = (ObjectNode) identity.get("coap");
        // the runtime run with --root R reads the identity's absolute paths (/etc/motcua/psk) under R, as this test does
        Path pskFile = root.resolve(coap.path("pskFile").asText().replaceFirst("^/+", ""));
        int port = FreePorts.udp();
        coap.put("port", port).put("bind", "127.0.0.1");
        identity.putObject("hardware").put("profile", "sim");
        Files.writeString(identityFile, Json.write(identity), StandardCharsets.UTF_8);
        String psk = Files.readAllLines(pskFile, StandardCharsets.UTF_8).get(0).strip();
        return new StagedDevice(root, port, psk, pskFile);
    }

    String uri() {
        return "coaps://127.0.0.1:" + port;
    }

    /** motcua-ctl in this JVM, {@code args} followed by the options that reach this device with its key. */
    Ctl.Result ctl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--device", uri(), "--psk-identity", DEVICE_ID, "--psk-file", pskFile.toString()));
        return Ctl.run(all.toArray(String[]::new));
    }

    /** libcoap's coap-client with the device's PSK; its stdout and stderr (where it prints 4.xx answers) together. */
    LibCoap.Result coap(int seconds, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(all.size() - 1, List.of("-u", DEVICE_ID, "-k", psk));
        return LibCoap.run(seconds, all.toArray(String[]::new));
    }

    /** {@code coap-client -m put -f BUNDLE -b 1024 -u ID -k KEY coaps://127.0.0.1:PORT/update}, timed. */
    Push push(Path bundle) throws IOException, InterruptedException {
        long start = System.nanoTime();
        LibCoap.Result r = coap(660, "-m", "put", "-f", bundle.toString(), "-b", "1024", "-B", "600", uri() + "/update");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Matcher m = ERROR_CODE.matcher(r.out());
        String code = m.find() ? m.group(1)
                : r.exit() != 0 || CLIENT_FAILURE.matcher(r.out()).find() ? "no answer (exit " + r.exit() + ")" : "2.04";
        return new Push(code, r.out(), took);
    }

    /** {@code GET /update}, once the management server answers (it may be between two starts). */
    JsonNode updateStatus() throws Exception {
        return Waits.until("GET /update answers", Duration.ofSeconds(120), () -> {
            LibCoap.Result r = coap(20, "-m", "get", uri() + "/update");
            int brace = r.out().indexOf('{');
            return r.exit() == 0 && brace >= 0 ? Optional.of(Json.parse(r.out().substring(brace).strip())) : Optional.empty();
        });
    }

    /** A ticket press on the sim button {@code A}: one {@code ticket.issued} event. */
    void pressA() throws Exception {
        Waits.until("POST /sim/press answers", Duration.ofSeconds(120), () -> {
            LibCoap.Result r = coap(20, "-m", "post", "-e", "A", uri() + "/sim/press");
            return r.exit() == 0 && !ERROR_CODE.matcher(r.out()).find() && !CLIENT_FAILURE.matcher(r.out()).find()
                    ? Optional.of(r) : Optional.empty();
        });
    }

    /**
     * {@code PUT /config} of a config with service A (pressable without a pause) and {@code updateTrialSeconds}, as the
     * district would send it with motcua-ctl; returns when the device answered 2.04.
     */
    void putConfig(long version, int updateTrialSeconds) throws Exception {
        ObjectNode config = (ObjectNode) Waits.until("config get answers", Duration.ofSeconds(120), () -> {
            Ctl.Result r = ctl("config", "get", "--json", "--timeout", "10");
            return r.exit() == 0 ? Optional.of(Json.parse(r.out().strip()).get("config")) : Optional.empty();
        });
        config.put("version", version).put("updateTrialSeconds", updateTrialSeconds).put("minIntervalMillis", 0);
        ArrayNode services = config.putArray("services");
        services.addObject().put("code", "A").put("name", "Hộ tịch").put("button", "A").put("from", 1).put("to", 999)
                .put("priority", false);
        Path file = TestDirs.create("config-").resolve("config.json");
        Files.writeString(file, Json.write(config), StandardCharsets.UTF_8);
        Ctl.Result put = ctl("config", "put", file.toString(), "--timeout", "20");
        assertThat(put.exit()).as("config put: %s", put).isZero();
    }

    /** Every event the device recorded, from {@code GET /events} (what the district could pull). */
    List<JsonNode> recordedEvents() throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            JsonNode page = Waits.until("events answers", Duration.ofSeconds(120), () -> {
                Ctl.Result r = ctl("events", "--after", String.valueOf(from), "--limit", "500", "--json", "--timeout", "10");
                return r.exit() == 0 ? Optional.of(Json.parse(r.out().strip())) : Optional.empty();
            });
            if (page.isEmpty()) {
                return all;
            }
            page.forEach(all::add);
            after = page.get(page.size() - 1).path("seq").asLong();
        }
    }

    /** The launcher's update.json. */
    UpdateState updateState() throws IOException {
        return UpdateState.read(paths.stateFile()).orElseThrow(() -> new AssertionError("no " + paths.stateFile()));
    }

    /**
     * Sets (or with null removes) the test hook {@code -Dmotcua.test.hang=<component>} in launcher.conf's JAVA_OPTIONS,
     * as an administrator would edit it; the next start of motcua-run reads it.
     */
    void testHang(String component) {
        Path conf = root.resolve("etc/motcua/launcher.conf");
        try {
            List<String> lines = new ArrayList<>();
            boolean found = false;
            for (String line : Files.readAllLines(conf, StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_OPTIONS=")) {
                    found = true;
                    line = line.replaceAll(" ?-Dmotcua\\.test\\.hang=\\S*", "");
                    if (component != null) {
                        line = line + " -Dmotcua.test.hang=" + component;
                    }
                }
                lines.add(line);
            }
            assertThat(found).as("a JAVA_OPTIONS line in %s", conf).isTrue();
            Files.write(conf, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The release {@code current} names, e.g. {@code 0.2.0}. */
    String currentRelease() throws IOException {
        return Files.readSymbolicLink(paths.current()).getFileName().toString();
    }
}
