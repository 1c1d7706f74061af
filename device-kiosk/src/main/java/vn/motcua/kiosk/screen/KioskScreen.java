package vn.motcua.kiosk.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.config.KioskMode;
import vn.motcua.kiosk.procedures.FieldCount;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SearchResult;

/** What the screen's HTTP API asks of the kiosk. */
public interface KioskScreen {
    KioskMode mode();

    List<SearchResult> search(String query, int limit);

    List<FieldCount> fields();

    /** The procedures of one field, in catalog order. */
    List<Procedure> inField(String field);

    /** A procedure opened on the screen (the look-up is recorded); empty for an unknown id. */
    Optional<Procedure> open(String id);

    /** Office name, mode, notice, idle time, locale and the hall's latest calls. */
    ObjectNode state();

    /** A code typed by a keyboard-wedge barcode reader into the UI. */
    void wedgeScan(String text);
}
