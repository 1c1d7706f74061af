package vn.motcua.common.hardware.pi;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.io.IOException;

/** An I2C device through Pi4J; opened on first use and reopened after a failed open, so a late bus is found. */
public final class Pi4jI2cBus implements I2cBus {
    private final Context pi4j;
    private final String id;
    private final int bus;
    private final int address;
    private I2C device;

    public Pi4jI2cBus(Context pi4j, String id, int bus, int address) {
        this.pi4j = pi4j;
        this.id = id;
        this.bus = bus;
        this.address = address;
    }

    @Override
    public synchronized void write(byte value) throws IOException {
        write(new byte[] {value});
    }

    @Override
    public synchronized void write(byte[] values) throws IOException {
        I2C i2c = device();
        int written;
        try {
            written = i2c.write(values, 0, values.length);
        } catch (RuntimeException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
        if (written < values.length) {
            throw new IOException(describe() + ": wrote " + written + " of " + values.length + " bytes");
        }
    }

    /** Reads one byte, to tell whether a device answers at the address (IOException without a cause: no answer). */
    public synchronized int read() throws IOException {
        I2C i2c = device();
        int value;
        try {
            value = i2c.read();
        } catch (RuntimeException e) {
            throw new IOException(describe() + ": " + e.getMessage(), e);
        }
        if (value < 0) {
            throw new IOException("no answer from " + describe());
        }
        return value;
    }

    private I2C device() throws IOException {
        if (device == null) {
            try {
                device = pi4j.create(I2C.newConfigBuilder(pi4j).id(id).bus(bus).device(address));
            } catch (RuntimeException e) {
                throw new IOException("cannot open " + describe() + ": " + e.getMessage(), e);
            }
        }
        return device;
    }

    /** Closes the device, if it was opened. */
    public synchronized void close() {
        if (device != null) {
            device.close();
            device = null;
        }
    }

    private String describe() {
        return String.format("I2C bus %d address 0x%02x", bus, address);
    }
}
