package vn.motcua.common.management;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.eclipse.californium.elements.util.NamedThreadFactory;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.tinylog.Logger;
import vn.motcua.common.identity.Identity;

/**
 * The device's CoAP management server on Californium: coaps with the device's PSK (DTLS 1.2, Connection ID),
 * or plain coap on loopback when the identity says {@code secure: false}. A client without the key gets nothing;
 * only AEAD suites are accepted, and the connection limits of {@link CoapSettings} keep the port open to the district.
 */
public final class ManagementServer implements Management {
    private final Identity.CoapSettings settings;
    private final CoapServer server;
    /** The paths of {@link UploadResource}s, whose Block1 requests reach them block by block. */
    private final Set<String> streamedPaths = ConcurrentHashMap.newKeySet();
    private TelemetryResource telemetry;
    private CoapEndpoint endpoint;
    private volatile ScheduledExecutorService executor;

    public ManagementServer(Identity.CoapSettings settings) {
        this.settings = settings;
        this.server = new CoapServer(CoapSettings.forDevice());
    }

    /** Adds the kernel's own resources; call before {@link #start()}. */
    public void addKernelResources(CoapResource config, TelemetryResource telemetryResource, CoapResource health,
                                   CoapResource events, CoapResource actions) {
        this.telemetry = telemetryResource;
        server.add(config, telemetryResource, health, events, actions);
    }

    @Override
    public void add(String path, DeviceResource resource) {
        Resource parent = server.getRoot();
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            Resource child = parent.getChild(parts[i]);
            if (child == null) {
                child = new CoapResource(parts[i]);
                parent.add(child);
            }
            parent = child;
        }
        String name = parts[parts.length - 1];
        if (resource instanceof UploadResource upload) {
            streamedPaths.add(path);
            parent.add(new UploadAdapter(name, upload));
        } else {
            parent.add(new ResourceAdapter(name, resource));
        }
    }

    @Override
    public void telemetryChanged() {
        if (telemetry != null) {
            telemetry.changed();
        }
    }

    public void start() {
        Configuration config = CoapSettings.forDevice();
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(config)
                .setCoapStackFactory(ManagementStack.factory(r -> streamedPaths.contains(r.getOptions().getUriPathString())));
        if (settings.secure()) {
            DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                    .setAddress(address)
                    .setAdvancedPskStore(new AdvancedSinglePskStore(settings.pskIdentity(), settings.psk()))
                    .build();
            builder.setConnector(new ManagementConnector(dtls));
        } else {
            builder.setConnector(new UDPConnector(address, config));
        }
        endpoint = builder.build();
        server.addEndpoint(endpoint);
        // the executors Californium would make itself, kept so the watchdog can check that requests still get a thread
        ScheduledExecutorService main = ExecutorsUtil.newScheduledThreadPool(
                config.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT), new NamedThreadFactory("CoapServer(main)#"));
        // Californium's default secondary scheduler has two threads; its timers (deduplication sweeps, exchange and
        // block-wise lifetimes) are short, and on a device one thread (about 100 KB of stack) runs them all
        ScheduledExecutorService secondary = ExecutorsUtil.newScheduledThreadPool(1,
                new NamedThreadFactory("CoapServer(secondary)#"));
        server.setExecutors(main, secondary, false);
        executor = main;
        server.start();
        Logger.info("CoAP management on {}://{}{}", settings.secure() ? "coaps" : "coap", endpoint.getAddress(),
                settings.secure() ? " (at most " + CoapSettings.DTLS_MAX_CONNECTIONS + " DTLS sessions; one quiet for "
                        + CoapSettings.DTLS_STALE_AFTER.toSeconds() + " s gives way to a new one)" : "");
    }

    /** The executor that handles the server's requests (the watchdog runs its self-check there); set by {@link #start()}. */
    public Executor executor() {
        ScheduledExecutorService e = executor;
        if (e == null) {
            throw new IllegalStateException("the management server is not started");
        }
        return e;
    }

    /** The port actually bound (the identity may ask for 0 in tests). */
    public int port() {
        return endpoint.getAddress().getPort();
    }

    public void stop() {
        server.destroy();
    }
}
