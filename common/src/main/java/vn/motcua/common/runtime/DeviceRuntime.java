package vn.motcua.common.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.config.ConfigService;
import vn.motcua.common.config.DeviceConfig;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.hardware.Hardware;
import vn.motcua.common.hardware.HardwareFactory;
import vn.motcua.common.hardware.HardwareWiring;
import vn.motcua.common.hardware.sim.SimControls;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.management.Kernel;
import vn.motcua.common.management.ManagementServer;
import vn.motcua.common.management.UpdateResource;
import vn.motcua.common.management.sim.SimDisplayResource;
import vn.motcua.common.management.sim.SimLedsResource;
import vn.motcua.common.management.sim.SimPressResource;
import vn.motcua.common.runtime.watchdog.DeviceWatch;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.update.SignedBundles;
import vn.motcua.common.update.UpdateIntake;
import vn.motcua.common.update.TrialMonitor;
import vn.motcua.common.update.UpdatePaths;
import vn.motcua.common.uplink.DeviceInfo;
import vn.motcua.common.uplink.PahoUplink;
import vn.motcua.common.uplink.Uplink;

/** One device's life: starts the kernel and the app in order, keeps telemetry and retention going, stops cleanly. */
public final class DeviceRuntime<C extends DeviceConfig> {
    private final Identity identity;
    private final HardwareWiring wiring;
    private final Path stateDir;
    private final DeviceApp<C> app;
    private final Clock clock;
    /** Where the update machinery is (the launcher's update.json, this runtime's update directory): set once, here. */
    private final UpdatePaths updatePaths;
    private final HealthModel health = new HealthModel();
    private final Actions actions = new Actions();

    private StateStore store;
    private EventLog events;
    private ConfigService<C> configs;
    private Uplink uplink;
    private Telemetry telemetry;
    private Hardware hardware;
    private ManagementServer management;
    private DeviceWatch watch;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> telemetryTask;
    private long telemetrySeconds;
    private String previousStop;
    private Runnable restartRequest = () -> { };
    private boolean watchProcess;
    private boolean started;
    private boolean appStarted;
    private volatile boolean running;
    private volatile boolean endedByTrial;
    private ScheduledExecutorService trialWatch;

    /** A runtime for a device's validated identity, with the app made from the same identity's hardware block. */
    public DeviceRuntime(DeviceIdentity<?> device, Path stateDir, DeviceApp<C> app, Clock clock) {
        this(device, UpdatePaths.under(Path.of("/"), stateDir), app, clock);
    }

    /** A runtime whose state directory is {@code updatePaths.stateDir()}, its releases under {@code updatePaths.root()}. */
    public DeviceRuntime(DeviceIdentity<?> device, UpdatePaths updatePaths, DeviceApp<C> app, Clock clock) {
        this.identity = device.identity();
        this.wiring = device.hardware().wiring();
        this.stateDir = updatePaths.stateDir();
        this.updatePaths = updatePaths;
        this.app = app;
        this.clock = clock;
    }

    /** Opens the state, records {@code device.started}, starts hardware, app, management, uplink and schedules. */
    public synchronized void start() throws Exception {
        started = true;
        store = StateStore.open(stateDir);
        store.migrate(app.module(), app.migrations());
        events = new EventLog(store, identity.deviceId(), identity.timezone(), clock);
        previousStop = Lifecycle.started(store, events, Version.get());
        Logger.info("{} {} starting (version {}, previous stop: {})",
                identity.kind().wire(), identity.deviceId(), Version.get(), previousStop);
        watch = new DeviceWatch(store, stateDir, clock, health, Version.get(), System.getenv());
        watch.announce(store, events);
        scheduler = Executors.newScheduledThreadPool(2, DeviceThreads.named("device-scheduler"));
        new StorageHealth(store, health, clock).start(scheduler);
        hardware = HardwareFactory.create(wiring, health, scheduler, clock);
        configs = new ConfigService<>(app.configModel(), store, events, clock);
        C config = configs.load();
        // the uplink is made next, from this telemetry; until then no node is in use
        telemetry = new Telemetry(clock, events, health, configs::version, app,
                () -> uplink == null ? Optional.empty() : uplink.broker());
        uplink = new PahoUplink(identity, store, events,
                new DeviceInfo(identity.kind().wire(), Version.get(), configs::version, telemetry::json), clock, health);
        management = new ManagementServer(identity.coap());
        actions.register("identify", new Identify(hardware, identity.deviceId(), scheduler));
        actions.register("restart", this::restart);
        if (watch.appRuns()) {
            app.start(new DeviceContext(identity, stateDir, clock, store, events, uplink, health, scheduler,
                    hardware, actions, management), config);
            appStarted = true;
            hardware.buttons().start();
        }
        configs.setApplier(this::apply);
        configs.addListener(applied -> uplink.refreshState());
        Kernel.install(management, configs, telemetry::json, health, events, actions);
        management.add("update", new UpdateResource(new UpdateIntake(updatePaths, Version.get(),
                new SignedBundles(updatePaths.key()).check(identity.kind().wire()), events::record, this::restart),
                updatePaths.stateFile(), updatePaths.commit(), Version::get));
        hardware.sim().ifPresent(this::addSimResources);
        health.addListener((component, status) -> management.telemetryChanged());
        management.start();
        if (watch.uplinkRuns()) {
            uplink.start();
        }
        scheduleTelemetry(config.common().telemetryIntervalSeconds());
        scheduler.scheduleWithFixedDelay(this::retention, 1, 3600, TimeUnit.SECONDS);
        if (watchProcess) {
            watch.start(uplink, management.executor(), scheduler);
        }
        Logger.info("{} {} running; MQTT {}, config version {}", identity.kind().wire(), identity.deviceId(),
                String.join(", ", identity.mqtt().uris()), config.version());
        running = true;
        watchTrial();
    }

    /**
     * Stops the buttons (no press arrives after this), the schedules, the app, management and the uplink (which
     * publishes the shutdown state), then marks a clean stop.
     */
    public synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        Logger.info("stopping {}", identity.deviceId());
        if (watch != null) {
            watch.stop();
        }
        if (hardware != null) {
            hardware.buttons().stop();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (trialWatch != null) {
            trialWatch.shutdownNow();
        }
        if (appStarted) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                Logger.error(e, "stopping the {} app failed", app.module());
            }
        }
        if (management != null) {
            management.stop();
        }
        if (uplink != null) {
            uplink.stop();
        }
        if (hardware != null) {
            hardware.close();
        }
        if (store != null) {
            Lifecycle.stopped(store);
            store.close();
        }
        if (running && !endedByTrial) {
            TrialMonitor.stoppedCleanly(updatePaths, Version.get());
        }
        Logger.info("{} stopped cleanly", identity.deviceId());
    }

    /**
     * Arms the watchdog before {@link #start()}: readiness and pings to systemd, and a hung or failed component ends
     * the process (exit 70). Only for a runtime that is the whole process ({@link DeviceMain}); runtimes sharing a JVM
     * (tests, benchmarks) are not watched.
     */
    public void watchProcess() {
        this.watchProcess = true;
    }

    /** What the restart action calls once the device has answered (systemd starts it again). */
    public void onRestartRequest(Runnable request) {
        this.restartRequest = request;
    }

    public UpdatePaths updatePaths() {
        return updatePaths;
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

    public ConfigService<C> configs() {
        return configs;
    }

    /** The CoAP port actually bound (0 in the identity picks a free one). */
    public int coapPort() {
        return management.port();
    }

    private void apply(C config) throws Exception {
        if (appStarted) {
            app.applyConfig(config);
        }
        if (config.common().telemetryIntervalSeconds() != telemetrySeconds) {
            scheduleTelemetry(config.common().telemetryIntervalSeconds());
        }
    }

    private synchronized void scheduleTelemetry(long seconds) {
        if (telemetryTask != null) {
            telemetryTask.cancel(false);
        }
        telemetrySeconds = seconds;
        telemetryTask = scheduler.scheduleAtFixedRate(this::telemetryTick, seconds, seconds, TimeUnit.SECONDS);
    }

    private void telemetryTick() {
        try {
            uplink.publishTelemetry();
            management.telemetryChanged();
        } catch (RuntimeException e) {
            Logger.warn("telemetry failed: {}", e.getMessage());
        }
    }

    private void addSimResources(SimControls sim) {
        management.add("sim/press", new SimPressResource(sim.buttons()));
        management.add("sim/leds", new SimLedsResource(sim.leds()));
        management.add("sim/display", new SimDisplayResource(sim.display()::lines));
    }

    private String restart() {
        Logger.info("restart requested: stopping cleanly; the service manager starts the device again");
        scheduler.schedule(restartRequest, 300, TimeUnit.MILLISECONDS);
        return "restarting";
    }

    /** Records the launcher's last result once; a release on trial commits, or ends itself when it cannot. */
    private void watchTrial() {
        TrialMonitor monitor = new TrialMonitor(updatePaths, Version.get(), clock, store, events,
                () -> configs.current().common().updateTrialSeconds(), this::healthyForTrial, code -> {
                    endedByTrial = true;
                    System.exit(code);
                });
        if (!monitor.start()) {
            return;
        }
        trialWatch = Executors.newSingleThreadScheduledExecutor(DeviceThreads.named("update-trial"));
        trialWatch.scheduleWithFixedDelay(monitor::tick, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Started (state store open, management answering), the store without a fault, and the broker connected unless no
     * broker node can be reached at all.
     */
    private boolean healthyForTrial() {
        return running && store.fault().isEmpty() && (uplink.connected() || !BrokerProbe.anyReachable(identity.mqtt().uris()));
    }

    private void retention() {
        try {
            events.applyRetention();
        } catch (RuntimeException e) {
            Logger.warn("event retention failed: {}; retried in an hour", e.getMessage());
        }
    }
}
