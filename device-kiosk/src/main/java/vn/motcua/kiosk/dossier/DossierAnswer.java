package vn.motcua.kiosk.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.motcua.common.json.Json;

/**
 * What the screen shows for one dossier code: waiting, the district's answer, an invalid code, or unavailable.
 *
 * @param status     the district's status word (e.g. {@code processing}); empty unless found
 * @param statusText the district's text for the citizen; empty unless found
 */
public record DossierAnswer(String code, Result result, String status, String statusText) {
    /** The outcome of a look-up as the screen's {@code dossier} event names it. */
    public enum Result {
        PENDING("pending"), FOUND("found"), NOT_FOUND("not-found"), INVALID("invalid"), UNAVAILABLE("unavailable");

        private final String wire;

        Result(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public static DossierAnswer of(String code, Result result) {
        return new DossierAnswer(code, result, "", "");
    }

    /** Whether this is the final outcome of a look-up (not the pending notice). */
    public boolean finished() {
        return result != Result.PENDING;
    }

    /** The {@code dossier} event's data: {@code {"code","result","found","status","statusText"}}. */
    public ObjectNode json() {
        return Json.object().put("code", code).put("result", result.wire()).put("found", result == Result.FOUND)
                .put("status", status).put("statusText", statusText);
    }
}
