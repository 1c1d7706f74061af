package vn.motcua.common.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.uplink.DeviceInfo;
import vn.motcua.common.uplink.PahoUplink;
import vn.motcua.common.uplink.Uplink;

/** One device's life: starts the kernel and the app in order, keeps telemetry and retention going, stops cleanly. */
public final class DeviceRuntime {
    public static final long DEFAULT_TELEMETRY_SECONDS = 60;

    private final Identity identity;
    private final Path stateDir;
    private final DeviceApp app;
    private final Clock clock;
    private final HealthModel health = new HealthModel();

    private StateStore store;
    private EventLog events;
    private Uplink uplink;
    private Telemetry telemetry;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> telemetryTask;
    private String previousStop;
    private volatile LongSupplier configVersion = () -> 0;
    private boolean started;

    public DeviceRuntime(Identity identity, Path stateDir, DeviceApp app, Clock clock) {
        this.identity = identity;
        this.stateDir = stateDir;
        this.app = app;
        this.clock = clock;
    }

    /** Opens the state, records {@code device.started}, starts the app, then the uplink and the schedules. */
    public synchronized void start() throws Exception {
        store = StateStore.open(stateDir);
        store.migrate(app.module(), app.migrations());
        events = new EventLog(store, identity.deviceId(), identity.timezone(), clock);
        previousStop = Lifecycle.started(store, events, Version.get());
        Logger.info("{} {} starting (version {}, previous stop: {})",
                identity.kind().wire(), identity.deviceId(), Version.get(), previousStop);
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "device-scheduler");
            t.setDaemon(true);
            return t;
        });
        telemetry = new Telemetry(clock, events, health, () -> configVersion.getAsLong(), app);
        DeviceInfo info = new DeviceInfo(identity.kind().wire(), Version.get(), () -> configVersion.getAsLong(), telemetry::json);
        uplink = new PahoUplink(identity, store, events, info, clock);
        app.start(new DeviceContext(identity, stateDir, clock, store, events, uplink, health, scheduler));
        uplink.start();
        scheduleTelemetry(DEFAULT_TELEMETRY_SECONDS);
        scheduler.scheduleWithFixedDelay(this::retention, 1, 3600, TimeUnit.SECONDS);
        started = true;
        Logger.info("{} {} running; MQTT {}", identity.kind().wire(), identity.deviceId(), identity.mqtt().uri());
    }

    /** Stops the schedules, the app and the uplink (which publishes the shutdown state), then marks a clean stop. */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        Logger.info("stopping {}", identity.deviceId());
        scheduler.shutdownNow();
        try {
            app.stop();
        } catch (RuntimeException e) {
            Logger.error(e, "stopping the {} app failed", app.module());
        }
        uplink.stop();
        Lifecycle.stopped(store);
        store.close();
        Logger.info("{} stopped cleanly", identity.deviceId());
    }

    /** Publishes telemetry every {@code seconds} from now on (the config's telemetryIntervalSeconds). */
    public synchronized void scheduleTelemetry(long seconds) {
        if (telemetryTask != null) {
            telemetryTask.cancel(false);
        }
        telemetryTask = scheduler.scheduleAtFixedRate(this::publishTelemetry, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Where the runtime reads the config version from once a config store exists. */
    public void configVersionFrom(LongSupplier supplier) {
        this.configVersion = supplier;
    }

    public String previousStop() {
        return previousStop;
    }

    public HealthModel health() {
        return health;
    }

    public EventLog events() {
        return events;
    }

    public Uplink uplink() {
        return uplink;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    private void publishTelemetry() {
        try {
            uplink.publishTelemetry();
        } catch (RuntimeException e) {
            Logger.warn("telemetry failed: {}", e.getMessage());
        }
    }

    private void retention() {
        try {
            events.applyRetention();
        } catch (RuntimeException e) {
            Logger.warn("event retention failed: {}; retried in an hour", e.getMessage());
        }
    }
}
