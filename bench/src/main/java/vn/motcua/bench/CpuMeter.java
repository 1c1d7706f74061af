package vn.motcua.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CPU used over a phase of a benchmark: by this JVM, by a child process (the broker), and by the whole machine (every
 * core, from {@code /proc/stat}, so other work on a shared machine shows). Linux only; a figure it cannot read is -1.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;
    private final long pid;
    private long wall;
    private long jvm;
    private long child;
    private long[] machine;
    private Map<String, Long> threads = Map.of();

    private CpuMeter(long pid) {
        this.pid = pid;
    }

    /** A meter for this JVM and its child process whose command line contains {@code childName}. */
    static CpuMeter withChild(String childName) {
        long pid = ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.contains(childName)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
        return new CpuMeter(pid);
    }

    void start() {
        wall = System.nanoTime();
        jvm = jvmNanos();
        child = childNanos();
        machine = machineTicks();
        threads = threadTicks();
    }

    /** One line of the phase's CPU: per event for the JVM and the broker, and how busy the machine's cores were. */
    String since(String phase, long events) {
        double seconds = (System.nanoTime() - wall) / 1e9;
        long[] m = machineTicks();
        double busy = m.length == 0 || machine.length == 0 ? -1
                : (double) (m[0] - machine[0]) / Math.max(1, m[1] - machine[1]);
        long c = childNanos();
        return phase + "_cpu: jvm_us_per_event=" + Stats.fmt((jvmNanos() - jvm) / 1e3 / events)
                + " broker_us_per_event=" + (c < 0 ? "-1" : Stats.fmt((c - child) / 1e3 / events))
                + " machine_busy=" + Stats.fmt(busy) + " of " + Runtime.getRuntime().availableProcessors()
                + " cores, " + Stats.fmt(seconds) + " s" + threadsSince(events);
    }

    /** This JVM's busiest threads over the phase (by the kernel's thread name, 15 characters), in µs per event. */
    private String threadsSince(long events) {
        Map<String, Long> now = threadTicks();
        Map<String, Long> delta = new TreeMap<>();
        now.forEach((name, ticks) -> delta.merge(name, ticks - threads.getOrDefault(name, 0L), Long::sum));
        StringBuilder out = new StringBuilder("\n  threads_us_per_event:");
        delta.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.append(" [").append(e.getKey()).append("]=")
                        .append(Stats.fmt(e.getValue() / TICKS_PER_SECOND * 1e6 / events)));
        return out.toString();
    }

    /** CPU ticks of this JVM's threads, summed by name. */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> read(t.resolve("stat")).ifPresent(s -> {
                String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long childNanos() {
        return read(Path.of("/proc/" + pid + "/stat")).map(s -> {
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND * 1e9);
        }).orElse(-1L);
    }

    /** Busy and total ticks of all cores. */
    private static long[] machineTicks() {
        return read(Path.of("/proc/stat")).map(s -> {
            String[] f = s.lines().findFirst().orElseThrow().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        }).orElse(new long[0]);
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
