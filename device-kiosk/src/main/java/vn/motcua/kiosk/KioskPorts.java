package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.kiosk.announce.Announcer;
import vn.motcua.kiosk.dossier.DossierRequests;
import vn.motcua.kiosk.screen.ScreenEvents;

/**
 * Where the kiosk controller's outputs go: the screen's live events, the event log, the sim profile's text display,
 * the hall's voice and the district's dossier look-up. Nothing else of the device reaches the controller.
 */
record KioskPorts(ScreenEvents screen, EventRecorder events, Optional<PagedDisplay> display, Announcer announcer,
                  DossierRequests dossiers) {

    /** Records one event durably (the device's event log). */
    @FunctionalInterface
    interface EventRecorder {
        void record(String type, ObjectNode data);
    }
}
