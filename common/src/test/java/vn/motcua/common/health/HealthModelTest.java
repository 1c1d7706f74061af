package vn.motcua.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthModelTest {
    private final HealthModel health = new HealthModel();

    @Test
    void a_blocking_fault_of_a_critical_component_is_a_device_fault() {
        health.register("printer", true, ComponentStatus.OK);
        health.register("lcd", false, ComponentStatus.OK);
        health.report("lcd", ComponentStatus.fault("i2c-error"));
        assertThat(health.overall()).isEqualTo(HealthModel.Overall.DEGRADED);
        health.report("printer", ComponentStatus.fault("paper-out"));
        assertThat(health.overall()).isEqualTo(HealthModel.Overall.FAULT);
    }

    @Test
    void a_warning_of_a_critical_component_only_degrades_the_device() {
        health.register("printer", true, ComponentStatus.OK);
        health.report("printer", ComponentStatus.warning("paper-near-end"));
        assertThat(health.overall()).isEqualTo(HealthModel.Overall.DEGRADED);
        assertThat(health.status("printer").wire()).isEqualTo("fault:paper-near-end");
    }

    @Test
    void listeners_hear_a_change_once_not_every_report() {
        List<String> heard = new ArrayList<>();
        health.addListener((c, s) -> heard.add(c + "=" + s.wire()));
        health.register("lcd", false, ComponentStatus.OK);
        for (int i = 0; i < 3; i++) {
            health.report("lcd", ComponentStatus.fault("i2c-error"));
        }
        health.report("lcd", ComponentStatus.OK);
        health.report("lcd", ComponentStatus.OK);
        assertThat(heard).containsExactly("lcd=fault:i2c-error", "lcd=ok");
    }
}
