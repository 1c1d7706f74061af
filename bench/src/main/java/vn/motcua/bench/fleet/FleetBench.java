package vn.motcua.bench.fleet;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import vn.motcua.common.testing.MosquittoProcess;
import vn.motcua.common.testing.TestDirs;

/**
 * N device uplinks in one JVM (the real PahoUplink, outbox drainer and event log, each device on its own SQLite file)
 * against one local Mosquitto, each recording an event every few seconds: the broker's CPU and memory, the events
 * delivered per second, and what a broker restart does (time until every device is back and every backlog drained,
 * peak connects per second, events lost, duplicates). Args: devices [eventEverySeconds steadySeconds outageSeconds].
 * Prints key=value lines.
 */
public final class FleetBench {
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(4);

    private final int n;
    private final int eventEvery;
    private final List<FleetDevice> devices = new ArrayList<>();
    private final ConcurrentLinkedQueue<Long> connects = new ConcurrentLinkedQueue<>();
    private final Map<String, String> out = new java.util.LinkedHashMap<>();

    private FleetBench(int n, int eventEvery) {
        this.n = n;
        this.eventEvery = eventEvery;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int steady = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int outage = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        FleetBench bench = new FleetBench(n, every);
        int status = 0;
        try {
            bench.run(steady, outage);
        } catch (IllegalStateException e) {
            bench.put("stopped", e.getMessage());
            status = 1;
        } finally {
            bench.out.forEach((k, v) -> System.out.println(k + "=" + v));
        }
        // the devices' threads are not daemons: end them with the process, also after a phase that gave up
        System.exit(status);
    }

    private void run(int steadySeconds, int outageSeconds) throws Exception {
        put("devices", n);
        put("event_every_s", eventEvery);
        ProcessProbe self = ProcessProbe.self();
        try (MosquittoProcess broker = new MosquittoProcess(vn.motcua.common.testing.FreePorts.tcp(),
                List.of("max_connections -1", "log_type error", "log_type warning")).start();
             FleetDistrict district = new FleetDistrict(broker.uri())) {
            await("district connected", district::connected);
            long heapBefore = heapAfterGc();
            long rssBefore = self.rssKib();
            long threadsBefore = self.threads();
            Path root = TestDirs.create("fleet-" + n + "-");
            for (int i = 1; i <= n; i++) {
                devices.add(new FleetDevice(root.resolve("d" + i), String.format(Locale.ROOT, "fl-%05d", i), broker.uri(),
                        connects));
            }
            long bootAt = System.nanoTime();
            devices.forEach(FleetDevice::start);
            double bootSeconds = await("every device connected at boot", this::allConnected);
            put("boot_all_connected_s", fmt(bootSeconds));
            put("boot_peak_connects_per_s", peakConnectsPerSecond(bootAt));
            put("uplink_heap_per_device_kib", (heapAfterGc() - heapBefore) / 1024 / n);
            put("uplink_rss_per_device_kib", (self.rssKib() - rssBefore) / n);
            put("uplink_threads_per_device", fmt((self.threads() - threadsBefore) / (double) n));

            ScheduledExecutorService recorder = Executors.newScheduledThreadPool(2);
            for (FleetDevice d : devices) {
                recorder.scheduleAtFixedRate(d::record, ThreadLocalRandom.current().nextLong(eventEvery * 1000L),
                        eventEvery * 1000L, TimeUnit.MILLISECONDS);
            }
            steady(broker, district, steadySeconds);
            restart(broker, district, outageSeconds);
            recorder.shutdown();
            recorder.awaitTermination(30, TimeUnit.SECONDS);
            long recorded = recorded();
            await("every event acknowledged", () -> devices.stream().allMatch(d -> d.acknowledged() == d.recorded()));
            await("every event at the district", () -> district.distinct() == recorded);
            put("events_recorded", recorded);
            put("events_lost", recorded - district.distinct());
            put("duplicates", district.duplicates());
            put("out_of_order", district.outOfOrder());
            stopAll();
        }
    }

    private void steady(MosquittoProcess broker, FleetDistrict district, int seconds) throws InterruptedException {
        ProcessProbe probe = new ProcessProbe(broker.pid());
        Thread.sleep(Math.min(10_000, eventEvery * 1000L)); // every device has recorded once: the steady state
        long receivedAt = district.received();
        long recordedAt = recorded();
        double cpuAt = probe.cpuSeconds();
        long start = System.nanoTime();
        long peakRss = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds)) {
            Thread.sleep(1000);
            peakRss = Math.max(peakRss, probe.rssKib());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        put("steady_recorded_events_per_s", fmt((recorded() - recordedAt) / elapsed));
        put("steady_delivered_events_per_s", fmt((district.received() - receivedAt) / elapsed));
        put("steady_broker_cpu_percent", fmt(100 * (probe.cpuSeconds() - cpuAt) / elapsed));
        put("steady_broker_rss_mib", fmt(peakRss / 1024.0));
    }

    private void restart(MosquittoProcess broker, FleetDistrict district, int outageSeconds) throws InterruptedException {
        broker.stop();
        double down = await("every device saw the broker go", () -> devices.stream().noneMatch(FleetDevice::connected));
        put("restart_all_disconnected_s", fmt(down));
        Thread.sleep(outageSeconds * 1000L);
        connects.clear();
        long backAt = System.nanoTime();
        broker.start();
        Map<FleetDevice, Long> backlog = new java.util.HashMap<>();
        devices.forEach(d -> backlog.put(d, d.recorded()));
        put("restart_outage_s", outageSeconds);
        put("restart_backlog_events", backlog.values().stream().mapToLong(Long::longValue).sum()
                - devices.stream().mapToLong(FleetDevice::acknowledged).sum());
        ProcessProbe probe = new ProcessProbe(broker.pid());
        Sampler sampler = new Sampler(probe);
        sampler.start();
        // both counted from the broker's start
        await("every device back", this::allConnected);
        put("restart_all_back_s", fmt((System.nanoTime() - backAt) / 1e9));
        await("every backlog drained and at the district", () ->
                backlog.entrySet().stream().allMatch(e -> e.getKey().acknowledged() >= e.getValue()
                        && district.hasAll(e.getKey().deviceId(), e.getValue())));
        put("restart_backlog_drained_s", fmt((System.nanoTime() - backAt) / 1e9));
        sampler.interrupt();
        sampler.join();
        put("restart_peak_connects_per_s", peakConnectsPerSecond(backAt));
        List<Long> back = connects.stream().filter(t -> t >= backAt).sorted().toList();
        for (int p : new int[] {50, 90, 99}) {
            long t = back.get(Math.min(back.size() - 1, (int) Math.ceil(p / 100.0 * n) - 1));
            put("restart_back_p" + p + "_s", fmt((t - backAt) / 1e9));
        }
        put("restart_connect_spread_s", fmt(spread()));
        put("restart_peak_broker_cpu_percent", fmt(sampler.peakCpu));
        put("restart_peak_broker_rss_mib", fmt(sampler.peakRss / 1024.0));
    }

    /** Samples the broker once a second: the busiest second's CPU and the highest resident memory. */
    private static final class Sampler extends Thread {
        private final ProcessProbe probe;
        volatile double peakCpu;
        volatile long peakRss;

        Sampler(ProcessProbe probe) {
            this.probe = probe;
            setDaemon(true);
        }

        @Override
        public void run() {
            double last = probe.cpuSeconds();
            long at = System.nanoTime();
            while (!isInterrupted()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                double cpu = probe.cpuSeconds();
                long now = System.nanoTime();
                peakCpu = Math.max(peakCpu, 100 * (cpu - last) / ((now - at) / 1e9));
                peakRss = Math.max(peakRss, probe.rssKib());
                last = cpu;
                at = now;
            }
        }
    }

    private long recorded() {
        return devices.stream().mapToLong(FleetDevice::recorded).sum();
    }

    private boolean allConnected() {
        return devices.stream().allMatch(FleetDevice::connected);
    }

    private long peakConnectsPerSecond(long sinceNanos) {
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        for (long t : connects) {
            if (t >= sinceNanos) {
                perSecond.merge((t - sinceNanos) / 1_000_000_000L, 1, Integer::sum);
            }
        }
        return perSecond.values().stream().mapToLong(Integer::longValue).max().orElse(0);
    }

    /** Seconds between the first and the last connect recorded. */
    private double spread() {
        long first = connects.stream().mapToLong(Long::longValue).min().orElse(0);
        long last = connects.stream().mapToLong(Long::longValue).max().orElse(0);
        return (last - first) / 1e9;
    }

    private void stopAll() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        devices.forEach(d -> pool.execute(d::stop));
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
    }

    /** Seconds until {@code condition} holds, polled every 100 ms; gives up after the phase limit. */
    private static double await(String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > PHASE_LIMIT.toNanos()) {
                throw new IllegalStateException(what + ": not within " + PHASE_LIMIT);
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void put(String key, Object value) {
        out.put(key, String.valueOf(value));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
