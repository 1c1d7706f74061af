package vn.motcua.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** motcua-ctl ends every DTLS session it opens, so the district can call a device as often as it likes. */
@Tag("slow")
class ManagementLockOutTest {
    private SecureDevice device;

    @BeforeEach
    void givenATicketPrinterWithAPsk() throws Exception {
        device = new SecureDevice("tcp://127.0.0.1:1");
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void a_hundred_health_calls_in_a_row_are_all_answered() {
        for (int i = 0; i < 100; i++) {
            Ctl.Result r = Ctl.run(device.args("health", "--timeout", "10"));
            assertThat(r.exit()).as("call " + (i + 1) + ": " + r).isZero();
        }
    }
}
