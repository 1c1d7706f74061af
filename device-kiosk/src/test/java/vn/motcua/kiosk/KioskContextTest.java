package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.DeviceIdentity;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.management.DeviceResource;
import vn.motcua.common.management.Management;
import vn.motcua.common.runtime.DeviceThreads;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.uplink.MessageLink;
import vn.motcua.kiosk.config.KioskConfigModel;
import vn.motcua.kiosk.dossier.DossierRoute;

/** The kiosk started on its narrow context alone: what it asks of the district link and of management. */
class KioskContextTest {
    private static final String OFFICE = "motcua/v1/hoang-mai/dinh-cong";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Path dir = TestDirs.create("kiosk-context-");
    private final MessageLink link = mock(MessageLink.class);
    private final Management management = mock(Management.class);
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DeviceThreads.named("test-scheduler"));
    private StateStore store;
    private KioskApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        scheduler.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void follows_the_offices_serving_topics_and_its_own_dossier_answers_and_adds_its_sim_controls() throws Exception {
        ObjectNode id = TestIdentities.sim("ks-07", "kiosk", "tcp://127.0.0.1:1");
        ((ObjectNode) id.get("hardware")).putObject("screen").put("httpPort", 0);
        DeviceIdentity<KioskHardware> device = IdentityLoader.load(TestIdentities.write(dir, id), DeviceKind.KIOSK,
                KioskHardware.MODEL);
        store = StateStore.open(dir.resolve("state"));
        Clock clock = Clock.system(HANOI);
        KioskContext context = new KioskContext(HANOI, OFFICE + "/serving/+", DossierRoute.of("ks-07", OFFICE, OFFICE + "/ks-07"),
                dir.resolve("announce"), clock, new EventLog(store, "ks-07", HANOI, clock), new HealthModel(), link,
                Optional.empty(), scheduler, management);
        app = new KioskApp(device.hardware());

        app.start(context, new KioskConfigModel().defaults());

        verify(link).subscribe(eq(OFFICE + "/serving/+"), any());
        verify(link).subscribe(eq(OFFICE + "/ks-07/dossier/response"), any());
        verify(link).addConnectionListener(any());
        verifyNoMoreInteractions(link);
        verify(management).add(eq("sim/scan"), any(DeviceResource.class));
        verify(management).add(eq("sim/announcements"), any(DeviceResource.class));
        assertThat(app.screenPort()).isPositive();
    }

    @Test
    void a_dossier_route_asks_the_office_and_hears_back_on_the_devices_own_topic() {
        DossierRoute route = DossierRoute.of("ks-07", OFFICE, OFFICE + "/ks-07");

        assertThat(route.requestTopic()).isEqualTo(OFFICE + "/dossier/request");
        assertThat(route.responseTopic()).isEqualTo(OFFICE + "/ks-07/dossier/response");
        assertThat(route.deviceId()).isEqualTo("ks-07");
    }
}
