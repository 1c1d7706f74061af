package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.health.Components;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.runtime.DeviceThreads;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.dossier.DossierLookup;
import vn.motcua.kiosk.hall.HallAnnouncer;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.scanner.BarcodeReader;
import vn.motcua.kiosk.scanner.SerialBarcodeReader;
import vn.motcua.kiosk.screen.EventStream;
import vn.motcua.kiosk.screen.ScreenServer;
import vn.motcua.kiosk.sim.SimAnnouncementsResource;
import vn.motcua.kiosk.sim.SimScanResource;

/** The kiosk on the common kernel: procedure look-up, dossier status from a barcode, and the hall display. */
public final class KioskApp implements DeviceApp<KioskConfig> {
    static final long KEEP_ALIVE_SECONDS = 15;
    static final long SCREEN_RETRY_SECONDS = 10;

    private final KioskHardware hardware;
    private KioskContext ctx;
    private KioskController controller;
    private ScreenServer screen;
    private DossierLookup dossier;
    private HallAnnouncer announcer;
    private Optional<BarcodeReader> reader = Optional.empty();

    /** The app for this hardware block (see {@link KioskHardware#MODEL}). */
    public KioskApp(KioskHardware hardware) {
        this.hardware = hardware;
    }

    @Override
    public String module() {
        return "kiosk";
    }

    @Override
    public List<String> migrations() {
        return List.of();
    }

    @Override
    public KioskConfigModel configModel() {
        return new KioskConfigModel();
    }

    @Override
    public void start(DeviceContext kernel, KioskConfig config) {
        start(KioskContext.of(kernel), config);
    }

    /** Starts on the kiosk's own narrow context (what {@link #start(DeviceContext, KioskConfig)} hands it). */
    void start(KioskContext context, KioskConfig config) {
        ctx = context;
        KioskPeripherals peripherals = KioskPeripherals.create(hardware, ctx.announceDir(),
                s -> ctx.health().report(KioskPeripherals.SCANNER, s), s -> ctx.health().report(KioskPeripherals.SPEAKER, s),
                deadline -> ctx.health().heartbeat(Components.INPUT, deadline));
        announcer = peripherals.announcer();
        HallBoard board = new HallBoard(ctx.clock());
        ctx.link().addConnectionListener(up -> {
            if (up) {
                board.connected();
            }
        });
        EventStream screenEvents = new EventStream(DeviceThreads.named("screen-events"));
        // answers arrive on the uplink's thread after dossier.start(), by which time the controller exists
        dossier = new DossierLookup(ctx.dossierRoute(), ctx.link(), ctx.scheduler(), answer -> controller.dossierAnswered(answer));
        controller = new KioskController(new KioskPorts(screenEvents, ctx.events()::record,
                ctx.display().map(d -> new PagedDisplay(d, ctx.clock(), ctx.scheduler())), announcer, dossier),
                board, ctx.timezone(), ctx.clock(), config);
        screen = new ScreenServer(hardware.screenPort(), controller, screenEvents, DeviceThreads.named("screen-http"));
        applyConfig(config);
        ctx.health().register("screen", false, ComponentStatus.OK);
        startScreen();
        ctx.scheduler().scheduleWithFixedDelay(screen::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        dossier.start();
        ctx.link().subscribe(ctx.servingTopics(), controller::servingArrived);
        announcer.start();
        startReader(peripherals);
        peripherals.sim().ifPresent(this::addSimResources);
    }

    @Override
    public void applyConfig(KioskConfig config) {
        controller.use(config);
        dossier.setPattern(config.dossierCodePattern());
        announcer.useVoice(config.announce().voice().orElse("vi"));
        if (config.mode() == KioskMode.HALL_DISPLAY && ctx.health().status(KioskPeripherals.SPEAKER) == null) {
            ctx.health().register(KioskPeripherals.SPEAKER, false, ComponentStatus.OK);
        }
        Logger.info("kiosk in {} mode with {} procedures", config.mode().wire(), config.procedures().size());
    }

    @Override
    public void stop() {
        reader.ifPresent(BarcodeReader::stop);
        if (announcer != null) {
            announcer.stop();
        }
        if (screen != null) {
            screen.stop();
        }
    }

    @Override
    public void contributeTelemetry(ObjectNode telemetry) {
        if (controller != null) {
            controller.contribute(telemetry, screen.clients(), announcer.announced().size());
        }
    }

    @Override
    public List<String> probeHardware() {
        List<String> problems = new ArrayList<>();
        hardware.scanner().ifPresent(s -> {
            ComponentStatus status = SerialBarcodeReader.probe(s.port(), s.baud());
            if (!status.ok()) {
                problems.add("barcode reader " + s.port() + ": " + status.reason());
            }
        });
        return problems;
    }

    /** The screen's port actually bound, or -1 while it is not serving. */
    public int screenPort() {
        return screen == null ? -1 : screen.port();
    }

    private void startScreen() {
        try {
            screen.start();
            ctx.health().report("screen", ComponentStatus.OK);
        } catch (IOException e) {
            ctx.health().report("screen", ComponentStatus.fault("cannot-listen"));
            Logger.warn("kiosk screen cannot listen ({}); trying again in {} s", e.getMessage(), SCREEN_RETRY_SECONDS);
            ctx.scheduler().schedule(this::startScreen, SCREEN_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void startReader(KioskPeripherals peripherals) {
        if (hardware.scanner().isPresent()) {
            ctx.health().register(KioskPeripherals.SCANNER, false, ComponentStatus.OK);
        }
        reader = peripherals.reader();
        reader.ifPresent(r -> {
            r.setListener(code -> controller.scanned(code, peripherals.scanSource()));
            r.start();
        });
    }

    private void addSimResources(KioskPeripherals.SimControls sim) {
        sim.scanner().ifPresent(scanner -> ctx.management().add("sim/scan", new SimScanResource(scanner)));
        ctx.management().add("sim/announcements", new SimAnnouncementsResource(sim.announced()));
    }
}
