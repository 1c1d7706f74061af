package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.motcua.common.config.BusinessDay;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MutableClock;

class KioskCountersTest {
    private static final ZoneId OFFICE = ZoneId.of("Asia/Ho_Chi_Minh");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T16:30:00Z"), OFFICE);
    private final KioskCounters counters = new KioskCounters(clock, new BusinessDay(OFFICE, LocalTime.MIDNIGHT));

    private ObjectNode telemetry() {
        ObjectNode t = Json.object();
        counters.contribute(t, 7);
        return t;
    }

    @Test
    void counts_lookups_by_what_and_outcome_and_starts_again_at_midnight_office_time() {
        counters.lookup("procedure", true);
        counters.lookup("procedure", true);
        counters.lookup("dossier", false);
        counters.dossierRequest();

        assertThat(telemetry().path("lookupsToday").toString())
                .isEqualTo("{\"procedureFound\":2,\"procedureNotFound\":0,\"dossierFound\":0,\"dossierNotFound\":1}");

        clock.advance(Duration.ofMinutes(31));

        assertThat(telemetry().path("lookupsToday").path("procedureFound").asLong()).isZero();
        assertThat(telemetry().path("dossierRequests").asLong()).isEqualTo(1);
        assertThat(telemetry().path("announcementsSpoken").asLong()).isEqualTo(7);
    }

    @Test
    void the_day_of_lookups_starts_at_the_configured_business_day_start_not_at_midnight() {
        counters.use(new BusinessDay(OFFICE, LocalTime.of(6, 0)));
        counters.lookup("procedure", true);

        clock.advance(Duration.ofMinutes(31)); // 00:01 office time: still the business day that began at 06:00
        assertThat(telemetry().path("lookupsToday").path("procedureFound").asLong()).isEqualTo(1);

        clock.advance(Duration.ofHours(6)); // 06:01: a new business day
        assertThat(telemetry().path("lookupsToday").path("procedureFound").asLong()).isZero();
    }

    @Test
    void a_clock_in_another_zone_still_counts_the_offices_day() {
        MutableClock utc = new MutableClock(Instant.parse("2026-11-23T16:30:00Z"), ZoneId.of("UTC"));
        KioskCounters inUtc = new KioskCounters(utc, new BusinessDay(OFFICE, LocalTime.MIDNIGHT));
        inUtc.lookup("dossier", true);
        utc.advance(Duration.ofMinutes(31)); // 00:01 in the office, 17:01 UTC
        ObjectNode t = Json.object();
        inUtc.contribute(t, 0);
        assertThat(t.path("lookupsToday").path("dossierFound").asLong()).isZero();
    }
}
