package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MutableClock;

class KioskCountersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T16:30:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    private final KioskCounters counters = new KioskCounters(clock);

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
}
