package vn.motcua.common.runtime;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tinylog.Logger;

/**
 * Keeps an idle device's memory small under G1, whatever flags it was started with.
 *
 * <p>A device spends most of its day waiting for a button. With {@code -Xmx64m} on a machine with a few GB of RAM,
 * G1 commits the whole heap at start and sizes the young generation up to 60% of it; the pages that start-up
 * allocation touched stay resident although almost nothing is live. JEP 346 lets G1 return that memory when the
 * process is idle: a periodic collection (only when no other collection ran for the interval) resizes the heap
 * after its remark pause, and the free-ratio bounds say how much free heap may stay committed. All three options
 * are "manageable", so the runtime sets them here; an option the operator set on the command line is left as it is.
 * Under other collectors nothing is changed: Serial GC (what the JVM picks on one CPU or under 2 GB of RAM) keeps
 * its young generation whatever the free ratios say, and a start-up full collection there measured 2 MB more, not
 * less; the installed unit therefore names G1.
 */
public final class JvmFootprint {
    /** A periodic G1 collection when none ran for this long; costs a few milliseconds on a 64 MB heap. */
    static final long PERIODIC_GC_MILLIS = 30_000;
    /** How long after start the one start-up collection waits. */
    static final long START_UP_SETTLES_MILLIS = 5_000;
    /** Shrink the heap after a collection while more than this share of it is free. */
    static final int MAX_HEAP_FREE_PERCENT = 30;
    /** Grow the heap after a collection when less than this share of it is free. */
    static final int MIN_HEAP_FREE_PERCENT = 10;

    private JvmFootprint() {
    }

    /**
     * Applies the idle-memory settings if the JVM runs G1 and, a few seconds later (start-up, the first connect and
     * telemetry are done by then), collects once so start-up's garbage is returned at once instead of after the
     * first idle interval. Returns the options that were set (for the log).
     */
    public static List<String> returnIdleMemory() {
        if (!usesG1()) {
            return List.of();
        }
        List<String> set = setIdleOptions();
        if (!set.isEmpty()) {
            DeviceThreads.named("start-up-gc").newThread(JvmFootprint::collectAfterStart).start();
        }
        return set;
    }

    private static void collectAfterStart() {
        try {
            Thread.sleep(START_UP_SETTLES_MILLIS);
            System.gc();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets the manageable G1 options the operator left at their defaults; returns what was set. */
    static List<String> setIdleOptions() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> set = new ArrayList<>();
        // the lower bound first: HotSpot refuses a MaxHeapFreeRatio below the current MinHeapFreeRatio
        for (Map.Entry<String, String> o : List.of(
                Map.entry("MinHeapFreeRatio", String.valueOf(MIN_HEAP_FREE_PERCENT)),
                Map.entry("MaxHeapFreeRatio", String.valueOf(MAX_HEAP_FREE_PERCENT)),
                Map.entry("G1PeriodicGCInterval", String.valueOf(PERIODIC_GC_MILLIS)))) {
            try {
                VMOption current = vm.getVMOption(o.getKey());
                if (current.getOrigin() == VMOption.Origin.DEFAULT && current.isWriteable()) {
                    vm.setVMOption(o.getKey(), o.getValue());
                    set.add(o.getKey() + "=" + o.getValue());
                }
            } catch (IllegalArgumentException | SecurityException e) {
                Logger.warn("JVM option {} left as it is: {}", o.getKey(), e.getMessage());
            }
        }
        if (!set.isEmpty()) {
            Logger.info("G1 returns idle heap to the system: {}", String.join(", ", set));
        }
        return set;
    }

    static boolean usesG1() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1 ")) {
                return true;
            }
        }
        return false;
    }
}
