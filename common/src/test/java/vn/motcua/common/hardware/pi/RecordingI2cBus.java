package vn.motcua.common.hardware.pi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** An I2C device for tests: records every byte written, or fails while told to. */
final class RecordingI2cBus implements I2cBus {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean failing;
    private int writes;

    @Override
    public synchronized void write(byte value) throws IOException {
        writes++;
        if (failing) {
            throw new IOException("Remote I/O error");
        }
        bytes.write(value);
    }

    synchronized void failing(boolean fail) {
        failing = fail;
    }

    synchronized int writes() {
        return writes;
    }

    synchronized byte[] take() {
        byte[] out = bytes.toByteArray();
        bytes.reset();
        return out;
    }
}
