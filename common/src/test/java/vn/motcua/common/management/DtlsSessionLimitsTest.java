package vn.motcua.common.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The management port stays open to the district whatever other clients did before: sessions closed or never
 * closed, handshakes abandoned half way, bare ClientHellos (SPEC section 5, issue 11 item 3).
 */
@Tag("slow")
class DtlsSessionLimitsTest {
    /**
     * Five sessions a second, far more than technicians and the district make; Californium refuses (and answers
     * with a new HelloVerifyRequest, at once) a ClientHello beyond 64 handshakes begun within about 5 s.
     */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private SecureDevice device;

    @BeforeEach
    void givenASecureDevice() throws Exception {
        device = new SecureDevice();
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void after_500_sessions_of_every_kind_the_district_is_answered_at_once() throws Exception {
        DtlsClients clients = device.clients();
        byte[] hello = DtlsClients.recordClientHello();
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        int closed = 0;
        int answered = 0;
        int stalled = 0;
        for (int i = 0; i < 500; i++) {
            long next = System.nanoTime() + PACE_NANOS;
            switch (i % 20) {
                case 7 -> assertThat(clients.getAndVanish("/health", 10_000)).as("session " + i).isNotNull();
                case 13 -> stalled += clients.abandonHandshake(10_000) ? 1 : 0;
                case 3, 17 -> assertThat(DtlsClients.helloAndGone(device.address(), hello)).as("HelloVerifyRequest " + i).isTrue();
                default -> {
                    closed++;
                    CoapResponse r = clients.get("/health", 10_000);
                    answered += r != null && r.isSuccess() ? 1 : 0;
                }
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        long heapAfter = usedHeapAfterGc();

        long asked = System.nanoTime();
        CoapResponse last = clients.get("/health", 10_000);
        long answerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        System.out.printf("500 DTLS sessions in %d s; heap in use %d KiB before, %d KiB after; the district's GET then took %d ms%n",
                seconds, heapBefore / 1024, heapAfter / 1024, answerMillis);
        assertThat(last).isNotNull();
        assertThat(last.getResponseText()).contains("\"status\"");
        assertThat(answered).isEqualTo(closed);
        assertThat(stalled).as("handshakes that reached ServerHelloDone and were abandoned").isEqualTo(25);
    }

    @Test
    void sessions_never_closed_give_way_to_the_district_within_a_bounded_time() throws Exception {
        DtlsClients clients = device.clients();
        for (int i = 0; i < CoapSettings.DTLS_MAX_CONNECTIONS + 6; i++) {
            clients.getAndVanish("/health", 3_000);
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(200);
        CoapResponse answer = null;
        while (answer == null && System.nanoTime() < deadline) {
            try {
                answer = clients.get("/health", 10_000);
            } catch (IOException e) {
                // refused while the store is full of sessions not yet quiet for a minute: ask again
            }
        }
        System.out.printf("after %d abandoned sessions the district was answered in %d s%n",
                CoapSettings.DTLS_MAX_CONNECTIONS + 6, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        assertThat(answer).isNotNull();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
