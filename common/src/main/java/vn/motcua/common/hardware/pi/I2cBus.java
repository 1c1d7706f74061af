package vn.motcua.common.hardware.pi;

import java.io.IOException;

/** One I2C device as the LCD driver sees it: bytes written to it, failures as {@link IOException}. */
public interface I2cBus {
    void write(byte value) throws IOException;

    /** Writes several bytes, in one bus transaction where the adapter can. */
    default void write(byte[] values) throws IOException {
        for (byte b : values) {
            write(b);
        }
    }
}
