package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** The kiosk's telemetry counters: look-ups today by what and outcome, dossier requests, answers and timeouts. */
final class KioskCounters {
    private final Clock clock;
    private final Map<String, Long> lookupsToday = new TreeMap<>();
    private LocalDate day;
    private long dossierRequests;
    private long dossierAnswers;
    private long dossierTimeouts;
    private long invalidCodes;
    private long announcementsQueued;

    KioskCounters(Clock clock) {
        this.clock = clock;
    }

    synchronized void lookup(String what, boolean found) {
        rollDay();
        lookupsToday.merge(what + (found ? "Found" : "NotFound"), 1L, Long::sum);
    }

    synchronized void dossierRequest() {
        dossierRequests++;
    }

    synchronized void dossierAnswer() {
        dossierAnswers++;
    }

    synchronized void dossierTimeout() {
        dossierTimeouts++;
    }

    synchronized void invalidCode() {
        invalidCodes++;
    }

    synchronized void announcementQueued() {
        announcementsQueued++;
    }

    /** Adds the counters to a telemetry document. */
    synchronized void contribute(ObjectNode t, long announcementsSpoken) {
        rollDay();
        ObjectNode today = t.putObject("lookupsToday");
        for (String key : new String[] {"procedureFound", "procedureNotFound", "dossierFound", "dossierNotFound"}) {
            today.put(key, lookupsToday.getOrDefault(key, 0L));
        }
        t.put("dossierRequests", dossierRequests).put("dossierAnswers", dossierAnswers)
                .put("dossierTimeouts", dossierTimeouts).put("invalidCodes", invalidCodes)
                .put("announcementsQueued", announcementsQueued).put("announcementsSpoken", announcementsSpoken);
    }

    private void rollDay() {
        LocalDate today = LocalDate.now(clock);
        if (!today.equals(day)) {
            day = today;
            lookupsToday.clear();
        }
    }
}
