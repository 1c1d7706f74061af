package vn.motcua.common.hardware.pi;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Pi4jI2cBusTest {
    private final Context pi4j = Pi4jContexts.forMock();
    private final Pi4jI2cBus bus = new Pi4jI2cBus(pi4j, "lcd", 1, 0x27);

    @AfterEach
    void shutdown() {
        bus.close();
        pi4j.shutdown();
    }

    @Test
    void writes_through_to_the_pi4j_device_opened_on_first_use() throws Exception {
        bus.write(new byte[] {0x08, 0x3C});
        bus.write((byte) 0x38);

        assertThat(pi4j.hasIO("lcd")).isTrue();
        assertThat(new int[] {bus.read(), bus.read(), bus.read()}).containsExactly(0x08, 0x3C, 0x38);
    }
}
