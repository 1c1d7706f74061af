package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.common.json.Json;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.common.uplink.InboundMessage;
import vn.motcua.kiosk.announce.Announcer;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.kiosk.dossier.DossierAnswer;
import vn.motcua.kiosk.dossier.DossierRequests;
import vn.motcua.kiosk.hall.HallBoard;
import vn.motcua.kiosk.screen.ScreenEvents;

/** The kiosk controller on its ports alone: inputs are method calls, every output is an interaction with a port. */
class KioskControllerTest {
    private static final ZoneId OFFICE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SERVING = "motcua/v1/hoang-mai/dinh-cong/serving/";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"), OFFICE);
    private final ScreenEvents screen = mock(ScreenEvents.class);
    private final KioskPorts.EventRecorder events = mock(KioskPorts.EventRecorder.class);
    private final Announcer announcer = mock(Announcer.class);
    private final DossierRequests dossiers = mock(DossierRequests.class);

    private KioskController controller(String mode) {
        KioskConfig config = config(mode);
        HallBoard board = new HallBoard(clock);
        KioskController controller = new KioskController(new KioskPorts(screen, events, Optional.empty(), announcer, dossiers),
                board, OFFICE, clock, config);
        controller.use(config);
        return controller;
    }

    private static KioskConfig config(String mode) {
        return new KioskConfigModel().parse(Json.object().put("version", 1).put("mode", mode)).config();
    }

    private InboundMessage serving(int counter, String ticket, boolean retained) {
        String body = "{\"counter\":" + counter + ",\"ticket\":\"" + ticket + "\",\"ts\":\""
                + OffsetDateTime.ofInstant(clock.instant(), OFFICE) + "\"}";
        return new InboundMessage(SERVING + counter, body.getBytes(StandardCharsets.UTF_8), retained);
    }

    @Test
    void a_live_call_on_a_hall_display_is_announced_once_and_pushed_to_the_screen() {
        KioskController hall = controller("hall-display");
        clock.advance(java.time.Duration.ofSeconds(5));

        hall.servingArrived(serving(5, "A012", false));

        verify(announcer).announce(argThat(a -> a.text().equals("Mời số A012 đến quầy 5")));
        verify(screen).publish(eq("serving"), argThat(d -> d.path("ticket").asText().equals("A012")
                && d.path("called").asBoolean()));
    }

    @Test
    void a_lookup_kiosk_shows_calls_but_never_speaks() {
        KioskController lookup = controller("lookup");

        lookup.servingArrived(serving(5, "A012", false));

        verifyNoInteractions(announcer);
        verify(screen).publish(eq("serving"), any());
    }

    @Test
    void a_scan_on_a_lookup_kiosk_is_sent_for_look_up_and_a_hall_display_ignores_it() {
        controller("lookup").scanned("000.30.25.H29-261120-0022", "serial");
        verify(dossiers).lookUp("000.30.25.H29-261120-0022");
        verify(screen).publish(eq("scan"), argThat(d -> d.path("source").asText().equals("serial")));

        DossierRequests hallDossiers = mock(DossierRequests.class);
        KioskController hall = new KioskController(new KioskPorts(screen, events, Optional.empty(), announcer, hallDossiers),
                new HallBoard(clock), OFFICE, clock, config("hall-display"));
        hall.scanned("000.30.25.H29-261120-0022", "serial");
        verifyNoInteractions(hallDossiers);
    }

    @Test
    void a_found_dossier_is_recorded_as_a_lookup_without_its_code() {
        KioskController lookup = controller("lookup");

        lookup.dossierAnswered(new DossierAnswer("000.30.25.H29-261120-0022", DossierAnswer.Result.FOUND, "ready", "Đã có kết quả"));

        verify(events).record(eq("kiosk.lookup"), argThat(d -> d.toString().equals("{\"what\":\"dossier\",\"found\":true}")));
        ObjectNode telemetry = Json.object();
        lookup.contribute(telemetry, 1, 0);
        assertThat(telemetry.path("lookupsToday").path("dossierFound").asLong()).isEqualTo(1);
        verify(events, never()).record(eq("kiosk.lookup"), argThat(d -> d.toString().contains("H29")));
    }

    @Test
    void a_code_typed_by_a_wedge_reader_is_a_scan_from_the_wedge() {
        controller("lookup").wedgeScan("000.30.25.H29-261120-0022");

        verify(dossiers).lookUp("000.30.25.H29-261120-0022");
        verify(screen).publish(eq("scan"), argThat(d -> d.path("source").asText().equals("wedge")));
    }
}
