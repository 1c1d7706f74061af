package vn.motcua.common.hardware.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

/** Builds Pi4J contexts with exactly the providers we use, never by auto-detection. */
public final class Pi4jContexts {
    private Pi4jContexts() {
    }

    /**
     * A context for a Raspberry Pi 4/5: gpiod digital input and output (the kernel's GPIO character device)
     * and linuxfs I2C ({@code /dev/i2c-N}). Throws when the gpiod context cannot start (not a Pi, no gpiochip).
     */
    public static Context forPi() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook()
                .add(GpioDDigitalInputProvider.newInstance(),
                        GpioDDigitalOutputProvider.newInstance(),
                        LinuxFsI2CProvider.newInstance())
                .build();
    }

    /** A context on Pi4J's mock providers, for the sim profile and tests. */
    public static Context forMock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook()
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockI2CProvider.newInstance())
                .build();
    }
}
