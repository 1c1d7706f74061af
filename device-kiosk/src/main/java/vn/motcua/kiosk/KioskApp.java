package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.runtime.DeviceApp;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.dossier.DossierLookup;
import vn.motcua.kiosk.hall.HallAnnouncer;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.scanner.BarcodeReader;
import vn.motcua.kiosk.scanner.SerialBarcodeReader;
import vn.motcua.kiosk.scanner.SimBarcodeReader;
import vn.motcua.kiosk.screen.ScreenServer;
import vn.motcua.kiosk.sim.SimAnnouncementsResource;
import vn.motcua.kiosk.sim.SimScanResource;

/** The kiosk on the common kernel: procedure look-up, dossier status from a barcode, and the hall display. */
public final class KioskApp implements DeviceApp<KioskConfig> {
    static final long KEEP_ALIVE_SECONDS = 15;
    static final long SCREEN_RETRY_SECONDS = 10;

    private DeviceContext ctx;
    private KioskState state;
    private ScreenServer screen;
    private DossierLookup dossier;
    private HallAnnouncer announcer;
    private Optional<BarcodeReader> reader = Optional.empty();

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
    public SimWiring simWiring() {
        return new SimWiring(List.of(), List.of("status"));
    }

    @Override
    public void start(DeviceContext context, KioskConfig config) throws IOException {
        ctx = context;
        Identity id = ctx.identity();
        announcer = HallAnnouncer.create(id.simulated(), id.hardware(), ctx.stateDir().resolve("announce"),
                s -> ctx.health().report("speaker", s));
        HallBoard board = new HallBoard(ctx.clock());
        ctx.uplink().addConnectionListener(up -> {
            if (up) {
                board.connected();
            }
        });
        state = new KioskState(ctx, board, announcer);
        dossier = new DossierLookup(id, ctx.uplink(), ctx.scheduler(), state::onDossier);
        screen = new ScreenServer(id.hardware().path("screen").path("httpPort").asInt(ScreenServer.DEFAULT_PORT),
                state.screenModel(dossier::lookUp));
        state.attach(screen.events());
        applyConfig(config);
        ctx.health().register("screen", false, ComponentStatus.OK);
        startScreen();
        ctx.scheduler().scheduleWithFixedDelay(screen::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        dossier.start();
        ctx.uplink().subscribe(id.officeTopic() + "/serving/+", state::onServing);
        announcer.start();
        startReader(id);
        if (id.simulated()) {
            ctx.management().add("sim/announcements", new SimAnnouncementsResource(announcer::announced));
        }
    }

    @Override
    public void applyConfig(KioskConfig config) {
        state.use(config);
        dossier.setPattern(config.dossierCodePattern());
        announcer.useVoice(config.announce().voice().orElse("vi"));
        if (config.mode() == KioskMode.HALL_DISPLAY && ctx.health().status("speaker") == null) {
            ctx.health().register("speaker", false, ComponentStatus.OK);
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
        if (state != null) {
            state.contribute(telemetry, screen.clients());
        }
    }

    @Override
    public List<String> probeHardware(Identity identity) {
        List<String> problems = new ArrayList<>();
        Scanners.serial(identity.hardware()).ifPresent(s -> {
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

    private void startReader(Identity id) {
        if (Scanners.serial(id.hardware()).isPresent()) {
            ctx.health().register(Scanners.COMPONENT, false, ComponentStatus.OK);
        }
        reader = Scanners.create(id.hardware(), id.simulated(), s -> ctx.health().report(Scanners.COMPONENT, s));
        reader.ifPresent(r -> {
            r.setListener(code -> state.onScan(code, r instanceof SimBarcodeReader ? "sim" : "serial", dossier::lookUp));
            r.start();
            if (r instanceof SimBarcodeReader sim) {
                ctx.management().add("sim/scan", new SimScanResource(sim));
            }
        });
    }
}
