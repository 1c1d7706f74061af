package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.json.Json;
import vn.motcua.common.runtime.DeviceContext;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.kiosk.announce.AnnouncementTemplate;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.dossier.DossierAnswer;
import vn.motcua.kiosk.hall.HallAnnouncer;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.hall.ServingMessages;
import vn.motcua.kiosk.screen.ScreenEvents;

/**
 * What happens on the kiosk: scans, dossier answers and serving calls go to the screen (server-sent events), the
 * announcer, the event log ({@code kiosk.lookup}, never the code), the counters and the sim display's lines.
 */
final class KioskState {
    private final DeviceContext ctx;
    private final HallBoard board;
    private final HallAnnouncer announcer;
    private final ProcedureBook book = new ProcedureBook();
    private final KioskCounters counters;
    private final Optional<PagedDisplay> display;
    private volatile KioskConfig config;
    private volatile ScreenEvents screen = (event, data) -> { };
    private volatile AnnouncementTemplate template = new AnnouncementTemplate(null);
    private KioskScreenModel model;
    private String lastSearch = "";
    private int lastHits;
    private DossierAnswer lastDossier;

    KioskState(DeviceContext ctx, HallBoard board, HallAnnouncer announcer) {
        this.ctx = ctx;
        this.board = board;
        this.announcer = announcer;
        this.counters = new KioskCounters(ctx.clock(),
                vn.motcua.common.config.CommonConfig.defaults().businessDay(ctx.identity().timezone()));
        this.display = ctx.hardware().display().map(d -> new PagedDisplay(d, ctx.clock(), ctx.scheduler()));
    }

    KioskScreenModel screenModel(Consumer<String> lookUp) {
        model = new KioskScreenModel(book, board, ctx.identity().timezone(), this::recordLookup, code -> onScan(code, "wedge", lookUp),
                this::searched);
        return model;
    }

    void attach(ScreenEvents events) {
        screen = events;
    }

    void use(KioskConfig newConfig) {
        boolean modeChanged = config != null && config.mode() != newConfig.mode();
        book.use(newConfig.procedures());
        template = new AnnouncementTemplate(newConfig.announce().template());
        config = newConfig;
        counters.use(newConfig.common().businessDay(ctx.identity().timezone()));
        model.use(newConfig);
        screen.publish("config", Json.object().put("mode", newConfig.mode().wire()).put("reload", modeChanged)
                .put("configVersion", newConfig.version()));
        refreshDisplay();
    }

    void onScan(String code, String source, Consumer<String> lookUp) {
        if (config.mode() == KioskMode.HALL_DISPLAY) {
            Logger.info("code scanned on a hall display; hall displays do not look dossiers up");
            return;
        }
        screen.publish("scan", Json.object().put("code", code).put("source", source));
        lookUp.accept(code);
    }

    void onDossier(DossierAnswer answer) {
        switch (answer.result()) {
            case PENDING -> counters.dossierRequest();
            case FOUND, NOT_FOUND -> {
                counters.dossierAnswer();
                recordLookup("dossier", answer.result() == DossierAnswer.Result.FOUND);
            }
            case UNAVAILABLE -> counters.dossierTimeout();
            case INVALID -> counters.invalidCode();
        }
        synchronized (this) {
            lastDossier = answer;
        }
        screen.publish("dossier", answer.json());
        refreshDisplay();
    }

    void onServing(InboundMessage message) {
        var serving = ServingMessages.parse(message);
        if (serving.isEmpty()) {
            Logger.warn("unreadable serving message on {}; ignoring it", message.topic());
            return;
        }
        var s = serving.get();
        HallBoard.Change change = board.accept(s.counter(), s.ticket(), s.ts(), message.retained());
        if (change == HallBoard.Change.IGNORED) {
            return;
        }
        boolean announce = change == HallBoard.Change.CALLED && config.mode() == KioskMode.HALL_DISPLAY
                && config.announce().enabled();
        if (announce) {
            announcer.announce(template.call(s.ticket(), s.counter()));
            counters.announcementQueued();
        }
        ObjectNode data = Json.object().put("counter", s.counter()).put("ts", s.ts())
                .put("called", change == HallBoard.Change.CALLED);
        screen.publish("serving", s.ticket() == null ? data.putNull("ticket") : data.put("ticket", s.ticket()));
        refreshDisplay();
    }

    void contribute(ObjectNode telemetry, int screenClients) {
        telemetry.put("mode", config.mode().wire()).put("screenClients", screenClients);
        counters.contribute(telemetry, announcer.announced().size());
    }

    private void recordLookup(String what, boolean found) {
        counters.lookup(what, found);
        try {
            ctx.events().record("kiosk.lookup", Json.object().put("what", what).put("found", found));
        } catch (RuntimeException e) {
            Logger.error(e, "could not record a {} look-up; the kiosk goes on", what);
        }
    }

    private void searched(String query, int hits) {
        synchronized (this) {
            lastSearch = query;
            lastHits = hits;
        }
        refreshDisplay();
    }

    private void refreshDisplay() {
        display.ifPresent(paged -> {
            KioskConfig c = config;
            synchronized (this) {
                paged.show(c.mode() == KioskMode.HALL_DISPLAY
                        ? ScreenLines.hall(c.common().officeName(), board.latestFirst())
                        : ScreenLines.lookup(c.common().officeName(), lastSearch, lastHits, lastDossier));
            }
        });
    }
}
