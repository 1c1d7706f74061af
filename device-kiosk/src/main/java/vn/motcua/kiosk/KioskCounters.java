package vn.motcua.kiosk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.common.config.BusinessDay;

/**
 * The kiosk's telemetry counters: look-ups today (the office's business day, from {@code businessDayStart}) by what
 * and outcome, dossier requests, answers and timeouts.
 */
final class KioskCounters {
    private final Clock clock;
    private BusinessDay days;
    private final Map<String, Long> lookupsToday = new TreeMap<>();
    private LocalDate day;
    private long dossierRequests;
    private long dossierAnswers;
    private long dossierTimeouts;
    private long invalidCodes;
    private long announcementsQueued;

    KioskCounters(Clock clock, BusinessDay days) {
        this.clock = clock;
        this.days = days;
    }

    /** Counts look-ups by these business days from now on (a new config's {@code businessDayStart}). */
    synchronized void use(BusinessDay newDays) {
        days = newDays;
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
        LocalDate today = days.of(clock.instant());
        if (!today.equals(day)) {
            day = today;
            lookupsToday.clear();
        }
    }
}
