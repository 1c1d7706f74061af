package vn.motcua.office;

import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.testing.FreePorts;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.devices.ChildDevice;
import vn.motcua.office.devices.OfficeConfigs;
import vn.motcua.office.devices.OfficePlan;

/** Starts a whole office in-process on free ports, with the device jars built in this project. */
final class OfficeHarness implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("motcua.office.home", "..")).toAbsolutePath().normalize();

    final Path runDir = TestDirs.create("office-");
    final int httpPort = FreePorts.tcp();
    final Office office;

    private OfficeHarness(String brokerUri, int counters) {
        List<String> args = new ArrayList<>(List.of("--home", HOME.toString(), "--run-dir", runDir.toString(),
                "--http-port", String.valueOf(httpPort), "--counters", String.valueOf(counters),
                "--coap-port", String.valueOf(freeUdpRange(3 + counters)),
                "--screen-port", String.valueOf(FreePorts.tcp())));
        if (brokerUri == null) {
            args.addAll(List.of("--mqtt-port", String.valueOf(FreePorts.tcp())));
        } else {
            args.addAll(List.of("--broker", brokerUri));
        }
        office = OfficeMain.create(args.toArray(String[]::new));
    }

    static OfficeHarness start(String brokerUri, int counters) throws Exception {
        OfficeHarness h = new OfficeHarness(brokerUri, counters);
        h.office.start();
        return h;
    }

    static boolean built(DeviceKind kind) {
        return Files.isRegularFile(OfficePlan.jar(HOME, kind));
    }

    /** Waits until every running device has taken the office's config (GET /config answers its version). */
    void awaitConfigured() throws Exception {
        CoapLink coap = new CoapLink();
        coap.start();
        try {
            for (ChildDevice c : office.fleet().running()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> coap.get(c.spec().coapPort(), "config")
                        .map(r -> r.etag().equals(String.valueOf(OfficeConfigs.VERSION))).orElse(false));
            }
        } finally {
            coap.stop();
        }
    }

    String url() {
        return office.panelUrl();
    }

    @Override
    public void close() {
        office.stop();
    }

    /** The first of {@code n} consecutive free UDP ports. */
    private static int freeUdpRange(int n) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int p = base; p < base + n && free; p++) {
                try (DatagramSocket s = new DatagramSocket(p)) {
                    free = s.isBound();
                } catch (Exception e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free UDP port range");
    }
}
