package vn.motcua.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.identity.Identity;
import vn.motcua.common.identity.IdentityLoader;
import vn.motcua.common.json.Json;
import vn.motcua.common.state.StateStore;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.TestDirs;
import vn.motcua.common.testing.TestIdentities;
import vn.motcua.common.uplink.DeviceInfo;
import vn.motcua.common.uplink.PahoUplink;

/**
 * Drains N recorded events to a local Mosquitto at QoS 1 through the uplink, against a plain Paho QoS 1 publish
 * loop with the same window and payloads, in the same run; then both again with a district subscriber on
 * {@code motcua/v1/#} (as every real deployment has). The uplink counts an event only when it comes back on its own
 * subscription. Each phase also prints the CPU it took per event (this JVM, the broker) and how busy the machine
 * was. Args: [events].
 */
public final class OutboxDrainBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (MosquittoProcess broker = new MosquittoProcess().start()) {
            CpuMeter cpu = CpuMeter.withChild("mosquitto");
            String[] plainCpu = new String[1];
            double plain = plainLoop(broker.uri(), n, cpu, "plain", plainCpu);
            String[] oursCpu = new String[1];
            double ours = outbox(broker.uri(), n, "drain-bench-", cpu, "outbox", oursCpu);
            System.out.println("drain_events=" + n);
            System.out.println("plain_paho_qos1_per_s=" + Stats.fmt(plain));
            System.out.println("outbox_drain_per_s=" + Stats.fmt(ours));
            System.out.println("drain_ratio_vs_plain=" + Stats.fmt(ours / plain));
            System.out.println(plainCpu[0]);
            System.out.println(oursCpu[0]);
            MqttAsyncClient district = subscriber(broker.uri());
            double plainWatched = plainLoop(broker.uri(), n, cpu, "plain_with_district_subscriber", plainCpu);
            double oursWatched = outbox(broker.uri(), n, "drain-bench-watched-", cpu, "outbox_with_district_subscriber",
                    oursCpu);
            district.disconnect().waitForCompletion();
            district.close();
            System.out.println("plain_paho_qos1_with_district_subscriber_per_s=" + Stats.fmt(plainWatched));
            System.out.println("outbox_drain_with_district_subscriber_per_s=" + Stats.fmt(oursWatched));
            System.out.println("drain_ratio_vs_plain_with_district_subscriber=" + Stats.fmt(oursWatched / plainWatched));
            System.out.println(plainCpu[0]);
            System.out.println(oursCpu[0]);
        }
        System.exit(0);
    }

    private static String payload(long seq) {
        return "{\"eventId\":\"bench-01:" + seq + "\",\"seq\":" + seq
                + ",\"type\":\"ticket.issued\",\"ts\":\"2026-11-23T08:15:00.000+07:00\",\"data\":{\"ticket\":\"A012\"}}";
    }

    private static double plainLoop(String uri, int n, CpuMeter cpu, String phase, String[] cpuLine) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-plain", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(PahoUplink.WINDOW + 32);
        c.connect(o).waitForCompletion();
        Semaphore window = new Semaphore(PahoUplink.WINDOW);
        AtomicLong acked = new AtomicLong();
        IMqttActionListener ack = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                acked.incrementAndGet();
                window.release();
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
                window.release();
            }
        };
        cpu.start();
        long start = System.nanoTime();
        for (long i = 1; i <= n; i++) {
            window.acquire();
            c.publish("motcua/v1/bench/plain/event/ticket/issued", payload(i).getBytes(StandardCharsets.UTF_8), 1, false, null, ack);
        }
        window.acquire(PahoUplink.WINDOW);
        double rate = n / ((System.nanoTime() - start) / 1e9);
        cpuLine[0] = cpu.since(phase, n);
        c.disconnect().waitForCompletion();
        c.close();
        return rate;
    }

    /** The district's consumer of every device's events: QoS 1, taking what comes and doing nothing with it. */
    private static MqttAsyncClient subscriber(String uri) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-district", new MemoryPersistence());
        c.connect(new MqttConnectOptions()).waitForCompletion();
        c.subscribe("motcua/v1/#", 1, (topic, message) -> { }).waitForCompletion();
        return c;
    }

    /** The drain's rate; {@code cpuLine[0]} gets the CPU it took, from the start of the uplink to the last event. */
    private static double outbox(String uri, int n, String dirPrefix, CpuMeter cpu, String phase, String[] cpuLine)
            throws Exception {
        Path dir = TestDirs.create(dirPrefix);
        Identity identity = IdentityLoader.load(TestIdentities.write(dir, TestIdentities.sim("bench-01", "ticket-printer", uri)));
        try (StateStore store = StateStore.open(dir.resolve("state"))) {
            EventLog log = new EventLog(store, "bench-01", identity.timezone(), Clock.systemUTC());
            store.inTransaction(tx -> {
                for (int i = 0; i < n; i++) {
                    log.record(tx, "ticket.issued", Json.object().put("ticket", "A012"));
                }
                return null;
            });
            PahoUplink uplink = new PahoUplink(identity, store, log,
                    new DeviceInfo("ticket-printer", "bench", () -> 0, () -> "{}"), Clock.systemUTC(),
                new HealthModel());
            long[] connectedAt = new long[1];
            uplink.addConnectionListener(up -> {
                if (up) {
                    connectedAt[0] = System.nanoTime();
                }
            });
            cpu.start();
            uplink.start();
            while (log.ackedSeq() < n) {
                Thread.sleep(2);
            }
            double rate = n / ((System.nanoTime() - connectedAt[0]) / 1e9);
            cpuLine[0] = cpu.since(phase, n);
            uplink.stop();
            return rate;
        }
    }
}
