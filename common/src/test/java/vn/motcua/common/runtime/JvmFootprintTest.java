package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The idle-memory settings reach the running JVM under G1, and an operator's own choice is kept. */
class JvmFootprintTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void under_g1_the_periodic_collection_and_the_free_ratios_are_set_once() {
        assumeTrue(JvmFootprint.usesG1(), "the test JVM does not run G1");
        assumeTrue(vm.getVMOption("G1PeriodicGCInterval").getOrigin() == com.sun.management.VMOption.Origin.DEFAULT,
                "the test JVM was started with its own periodic GC setting");

        assertThat(JvmFootprint.setIdleOptions()).containsExactly(
                "MinHeapFreeRatio=" + JvmFootprint.MIN_HEAP_FREE_PERCENT,
                "MaxHeapFreeRatio=" + JvmFootprint.MAX_HEAP_FREE_PERCENT,
                "G1PeriodicGCInterval=" + JvmFootprint.PERIODIC_GC_MILLIS);
        assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo(String.valueOf(JvmFootprint.PERIODIC_GC_MILLIS));
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(String.valueOf(JvmFootprint.MAX_HEAP_FREE_PERCENT));

        // once set (origin is no longer the default) they are what somebody chose: a second call leaves them alone
        assertThat(JvmFootprint.setIdleOptions()).isEmpty();
    }
}
