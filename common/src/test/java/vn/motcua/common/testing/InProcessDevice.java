package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.KindHardware;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.management.CoapSettings;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceRuntime;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.district.CoapClients;

/** A device runtime in the test's JVM, in the sim profile, with plain CoAP on a free loopback port. */
public final class InProcessDevice<C extends vn.motcua.common.config.DeviceConfig> implements AutoCloseable {
    private final Path dir;
    private final DeviceIdentity<?> device;
    private final Identity identity;
    private final DeviceApp<C> app;
    private DeviceRuntime<C> runtime;
    private CoapEndpoint endpoint;
    private Path updateRoot;

    /** A device whose app needs only the common wiring (see {@link WiredHardware}). */
    public InProcessDevice(Path dir, ObjectNode identityJson, DeviceApp<C> app) throws Exception {
        this(dir, identityJson, WiredHardware.MODEL, hardware -> app);
    }

    /** A device of the identity's kind, its hardware block read by {@code model} and its app made from it. */
    public <H extends KindHardware> InProcessDevice(Path dir, ObjectNode identityJson, HardwareModel<H> model,
                                                    Function<H, DeviceApp<C>> app) throws Exception {
        this.dir = dir;
        DeviceKind kind = DeviceKind.fromWire(identityJson.path("kind").asText()).orElseThrow();
        DeviceIdentity<H> loaded = IdentityLoader.load(TestIdentities.write(dir, identityJson), kind, model);
        this.device = loaded;
        this.identity = loaded.identity();
        this.app = app.apply(loaded.hardware());
    }

    public InProcessDevice<C> start() throws Exception {
        Path state = dir.resolve("state");
        runtime = updateRoot == null
                ? new DeviceRuntime<>(device, state, app, Clock.system(identity.timezone()))
                : new DeviceRuntime<>(device, UpdatePaths.under(updateRoot, state), app, Clock.system(identity.timezone()));
        runtime.start();
        return this;
    }

    /** The staging root of the update machinery (update key, update.json) instead of {@code /}; before {@link #start()}. */
    public InProcessDevice<C> updateRoot(Path root) {
        this.updateRoot = root;
        return this;
    }

    public DeviceRuntime<C> runtime() {
        return runtime;
    }

    public Identity identity() {
        return identity;
    }

    public String uri(String path) {
        return "coap://127.0.0.1:" + runtime.coapPort() + path;
    }

    /** A Californium client for a path on this device (plain CoAP). */
    public CoapClient coap(String path) {
        if (endpoint == null) {
            endpoint = CoapClients.plainEndpoint(CoapSettings.forClient());
        }
        CoapClient c = CoapClients.client(uri(path), endpoint);
        c.setTimeout(10_000L);
        return c;
    }

    public void stop() {
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }

    @Override
    public void close() {
        stop();
        if (endpoint != null) {
            endpoint.destroy();
        }
    }
}
