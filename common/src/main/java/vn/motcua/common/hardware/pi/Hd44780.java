package vn.motcua.common.hardware.pi;

import java.io.IOException;

/**
 * The HD44780 protocol in 4-bit mode through a PCF8574 backpack wired P0=RS, P1=RW, P2=E, P3=backlight,
 * P4..P7=D4..D7. Each nibble is three expander writes: data with E low, E high, E low (the falling edge latches).
 */
final class Hd44780 {
    static final int RS = 0x01;
    static final int E = 0x04;
    static final int BACKLIGHT = 0x08;

    static final int CLEAR = 0x01;
    static final int ENTRY_LEFT_TO_RIGHT = 0x06;
    static final int DISPLAY_OFF = 0x08;
    static final int DISPLAY_ON = 0x0C;
    static final int FUNCTION_4BIT_2LINE_5X8 = 0x28;
    static final int SET_DDRAM = 0x80;

    /** Waits a number of milliseconds (injected so tests do not sleep). */
    @FunctionalInterface
    interface Pause {
        void millis(long millis);
    }

    private final I2cBus bus;
    private final Pause pause;

    Hd44780(I2cBus bus, Pause pause) {
        this.bus = bus;
        this.pause = pause;
    }

    /** The datasheet's initialisation by instruction (figure 24), then 2 lines, display on, cleared, no cursor. */
    void init() throws IOException {
        bus.write((byte) BACKLIGHT);
        pause.millis(50);
        nibble(0x3, 0);
        pause.millis(5);
        nibble(0x3, 0);
        pause.millis(1);
        nibble(0x3, 0);
        pause.millis(1);
        nibble(0x2, 0);
        command(FUNCTION_4BIT_2LINE_5X8);
        command(DISPLAY_OFF);
        command(CLEAR);
        pause.millis(2);
        command(ENTRY_LEFT_TO_RIGHT);
        command(DISPLAY_ON);
    }

    /** Moves the cursor to a DDRAM address. */
    void address(int ddram) throws IOException {
        command(SET_DDRAM | (ddram & 0x7F));
    }

    /** Writes ASCII text at the cursor, in one bus transaction. */
    void text(String ascii) throws IOException {
        byte[] out = new byte[ascii.length() * 6];
        for (int i = 0; i < ascii.length(); i++) {
            int c = ascii.charAt(i) & 0xFF;
            System.arraycopy(nibbleBytes(c >> 4, RS), 0, out, i * 6, 3);
            System.arraycopy(nibbleBytes(c & 0x0F, RS), 0, out, i * 6 + 3, 3);
        }
        bus.write(out);
    }

    void command(int instruction) throws IOException {
        send(instruction, 0);
    }

    private void send(int value, int rs) throws IOException {
        bus.write(concat(nibbleBytes((value >> 4) & 0x0F, rs), nibbleBytes(value & 0x0F, rs)));
    }

    private void nibble(int nibble, int rs) throws IOException {
        bus.write(nibbleBytes(nibble, rs));
    }

    private static byte[] nibbleBytes(int nibble, int rs) {
        int data = (nibble << 4) | BACKLIGHT | rs;
        return new byte[] {(byte) data, (byte) (data | E), (byte) data};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
