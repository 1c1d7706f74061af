package vn.motcua.kiosk.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.common.health.ComponentStatus;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.kiosk.testing.KioskDevice;

@Tag("slow")
class ScreenRecoveryTest {
    @Test
    void starts_without_its_port_reports_the_screen_and_serves_once_the_port_is_free() throws Exception {
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = taken.getLocalPort();
        try (KioskDevice kiosk = KioskDevice.start("ks-screen-01", "tcp://127.0.0.1:" + FreePorts.tcp(), port)) {
            assertThat(kiosk.runtime().health().status("screen")).isEqualTo(ComponentStatus.fault("cannot-listen"));

            taken.close();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(kiosk.runtime().health().status("screen")).isEqualTo(ComponentStatus.OK));
            assertThat(kiosk.baseUrl()).endsWith(":" + port);
            assertThat(kiosk.get("/").statusCode()).isEqualTo(200);
        } finally {
            taken.close();
        }
    }
}
