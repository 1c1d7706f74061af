package vn.motcua.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.kiosk.KioskApp;
import vn.motcua.kiosk.KioskHardware;
import vn.motcua.kiosk.config.KioskConfig;

/** A sim-profile kiosk running in the test's JVM, with its screen on a free loopback port. */
public final class KioskDevice implements AutoCloseable {
    public static final String OFFICE_TOPIC = "motcua/v1/hoang-mai/dinh-cong";

    private final KioskApp app;
    private final DeviceRuntime<KioskConfig> runtime;
    private final Identity identity;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KioskDevice(String deviceId, String brokerUri, int httpPort) throws Exception {
        Path dir = TestDirs.create("kiosk-");
        ObjectNode id = TestIdentities.sim(deviceId, "kiosk", brokerUri);
        ((ObjectNode) id.get("hardware")).putObject("screen").put("httpPort", httpPort);
        DeviceIdentity<KioskHardware> device = IdentityLoader.load(TestIdentities.write(dir, id), DeviceKind.KIOSK,
                KioskHardware.MODEL);
        identity = device.identity();
        app = new KioskApp(device.hardware());
        runtime = new DeviceRuntime<>(device, dir.resolve("state"), app, Clock.system(identity.timezone()));
    }

    public static KioskDevice start(String deviceId, String brokerUri) throws Exception {
        return start(deviceId, brokerUri, 0);
    }

    /** A kiosk whose screen asks for this port (0: any free one). */
    public static KioskDevice start(String deviceId, String brokerUri, int httpPort) throws Exception {
        KioskDevice d = new KioskDevice(deviceId, brokerUri, httpPort);
        d.runtime.start();
        return d;
    }

    public DeviceRuntime<KioskConfig> runtime() {
        return runtime;
    }

    public Identity identity() {
        return identity;
    }

    public String topicRoot() {
        return identity.topicRoot();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.screenPort();
    }

    public int coapPort() {
        return runtime.coapPort();
    }

    /** Applies a config body through the kernel's config service, as a PUT /config would; fails when refused. */
    public void putConfig(ObjectNode body) {
        var result = runtime.configs().put(Json.write(body), null);
        if (!result.errors().isEmpty()) {
            throw new AssertionError("config refused: " + result.errors());
        }
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.parse(r.body());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
