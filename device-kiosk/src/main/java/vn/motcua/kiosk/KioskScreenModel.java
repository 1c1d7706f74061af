package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.procedures.FieldCount;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SearchResult;
import vn.motcua.kiosk.scanner.ScanResult;
import vn.motcua.kiosk.scanner.ScanSanitizer;
import vn.motcua.kiosk.screen.KioskScreen;

/** The kiosk as its screen sees it: the procedures in use, the hall board and the config's display settings. */
final class KioskScreenModel implements KioskScreen {
    private final ProcedureBook book;
    private final HallBoard board;
    private final java.time.ZoneId officeZone;
    private final BiConsumer<String, Boolean> lookupRecorder;
    private final Consumer<String> wedgeScans;
    private final BiConsumer<String, Integer> searched;
    private volatile KioskConfig config;

    /**
     * @param lookupRecorder hears of each procedure opened: (what, found)
     * @param wedgeScans     receives each code typed by a keyboard-wedge reader, sanitized
     * @param searched       hears of each search text and its number of results
     */
    KioskScreenModel(ProcedureBook book, HallBoard board, java.time.ZoneId officeZone, BiConsumer<String, Boolean> lookupRecorder,
                     Consumer<String> wedgeScans, BiConsumer<String, Integer> searched) {
        this.book = book;
        this.officeZone = officeZone;
        this.board = board;
        this.lookupRecorder = lookupRecorder;
        this.wedgeScans = wedgeScans;
        this.searched = searched;
    }

    void use(KioskConfig newConfig) {
        config = newConfig;
    }

    @Override
    public KioskMode mode() {
        return config.mode();
    }

    @Override
    public List<SearchResult> search(String query, int limit) {
        List<SearchResult> results = book.search().search(query, limit);
        searched.accept(query.length() > 40 ? query.substring(0, 40) : query, results.size());
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
        lookupRecorder.accept("procedure", p.isPresent());
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
                wedgeScans.accept(r.code());
            }
        }
    }
}
