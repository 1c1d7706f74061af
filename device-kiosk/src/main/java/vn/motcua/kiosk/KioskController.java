package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.kiosk.announce.AnnouncementTemplate;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.dossier.DossierAnswer;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.hall.ServingMessages;
import vn.motcua.kiosk.procedures.FieldCount;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SearchResult;
import vn.motcua.kiosk.scanner.ScanResult;
import vn.motcua.kiosk.scanner.ScanSanitizer;
import vn.motcua.kiosk.screen.KioskScreen;

/**
 * The kiosk's one controller, built whole in its constructor. Inputs are method calls: a code {@link #scanned}, a
 * search and a procedure opened on the screen, a serving call that {@link #servingArrived}, a dossier answer that
 * {@link #dossierAnswered}, a new config. Outputs go through {@link KioskPorts} only: the screen's live events, the
 * event log ({@code kiosk.lookup}, never the code), the display's lines, the announcer and dossier requests.
 */
final class KioskController implements KioskScreen {
    private final KioskPorts ports;
    private final HallBoard board;
    private final ZoneId officeZone;
    private final ProcedureBook book = new ProcedureBook();
    private final KioskCounters counters;
    private volatile KioskConfig config;
    private volatile AnnouncementTemplate template;
    private String lastSearch = "";
    private int lastHits;
    private DossierAnswer lastDossier;

    KioskController(KioskPorts ports, HallBoard board, ZoneId officeZone, Clock clock, KioskConfig initial) {
        this.ports = ports;
        this.board = board;
        this.officeZone = officeZone;
        this.counters = new KioskCounters(clock, initial.common().businessDay(officeZone));
        this.config = initial;
        this.template = new AnnouncementTemplate(initial.announce().template());
        book.use(initial.procedures());
    }

    /** Takes a new config: procedures, announcement template, business day; the screen reloads on a mode change. */
    void use(KioskConfig newConfig) {
        boolean modeChanged = config.mode() != newConfig.mode();
        book.use(newConfig.procedures());
        template = new AnnouncementTemplate(newConfig.announce().template());
        counters.use(newConfig.common().businessDay(officeZone));
        config = newConfig;
        ports.screen().publish("config", Json.object().put("mode", newConfig.mode().wire()).put("reload", modeChanged)
                .put("configVersion", newConfig.version()));
        refreshDisplay();
    }

    /** A code read by a barcode reader ({@code source}: serial, sim, or wedge for one typed into the screen). */
    void scanned(String code, String source) {
        if (config.mode() == KioskMode.HALL_DISPLAY) {
            Logger.info("code scanned on a hall display; hall displays do not look dossiers up");
            return;
        }
        ports.screen().publish("scan", Json.object().put("code", code).put("source", source));
        ports.dossiers().lookUp(code);
    }

    /** An answer (or the pending, invalid or unavailable state) of a dossier look-up. */
    void dossierAnswered(DossierAnswer answer) {
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
        ports.screen().publish("dossier", answer.json());
        refreshDisplay();
    }

    /** A message on the office's {@code serving/+} topic: the board, a call announced on a hall display, the screen. */
    void servingArrived(InboundMessage message) {
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
        KioskConfig c = config;
        if (change == HallBoard.Change.CALLED && c.mode() == KioskMode.HALL_DISPLAY && c.announce().enabled()) {
            ports.announcer().announce(template.call(s.ticket(), s.counter()));
            counters.announcementQueued();
        }
        ObjectNode data = Json.object().put("counter", s.counter()).put("ts", s.ts())
                .put("called", change == HallBoard.Change.CALLED);
        ports.screen().publish("serving", s.ticket() == null ? data.putNull("ticket") : data.put("ticket", s.ticket()));
        refreshDisplay();
    }

    /** Adds the kiosk's telemetry: mode, screen clients and the counters. */
    void contribute(ObjectNode telemetry, int screenClients, long announcementsSpoken) {
        telemetry.put("mode", config.mode().wire()).put("screenClients", screenClients);
        counters.contribute(telemetry, announcementsSpoken);
    }

    @Override
    public KioskMode mode() {
        return config.mode();
    }

    @Override
    public List<SearchResult> search(String query, int limit) {
        List<SearchResult> results = book.search().search(query, limit);
        synchronized (this) {
            lastSearch = query.length() > 40 ? query.substring(0, 40) : query;
            lastHits = results.size();
        }
        refreshDisplay();
        return results;
    }

    @Override
    public List<FieldCount> fields() {
        return book.catalog().fields();
    }

    @Override
    public List<Procedure> inField(String field) {
        return book.catalog().inField(field);
    }

    @Override
    public Optional<Procedure> open(String id) {
        Optional<Procedure> p = book.catalog().byId(id);
        recordLookup("procedure", p.isPresent());
        return p;
    }

    @Override
    public ObjectNode state() {
        KioskConfig c = config;
        ObjectNode s = Json.object().put("mode", c.mode().wire()).put("officeName", c.common().officeName())
                .put("notice", c.notice()).put("idleSeconds", c.idleSeconds()).put("locale", c.common().locale())
                .put("configVersion", c.version())
                // the screen's clock shows office time even when the Pi's own time zone was never set
                .put("timezone", officeZone.getId());
        ArrayNode calls = s.putArray("calls");
        board.latestFirst().forEach(call -> calls.add(call.json()));
        return s;
    }

    @Override
    public void wedgeScan(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        for (ScanResult r : new ScanSanitizer().feed(bytes)) {
            if (r.valid()) {
                scanned(r.code(), "wedge");
            }
        }
    }

    private void recordLookup(String what, boolean found) {
        counters.lookup(what, found);
        try {
            ports.events().record("kiosk.lookup", Json.object().put("what", what).put("found", found));
        } catch (RuntimeException e) {
            Logger.error(e, "could not record a {} look-up; the kiosk goes on", what);
        }
    }

    private void refreshDisplay() {
        ports.display().ifPresent(paged -> {
            KioskConfig c = config;
            synchronized (this) {
                paged.show(c.mode() == KioskMode.HALL_DISPLAY
                        ? ScreenLines.hall(c.common().officeName(), board.latestFirst())
                        : ScreenLines.lookup(c.common().officeName(), lastSearch, lastHits, lastDossier));
            }
        });
    }
}
