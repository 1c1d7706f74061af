package vn.motcua.common.hardware;

/** One device kind's typed hardware block: the common wiring plus what the kind adds (printer, scanner, screen). */
public interface KindHardware {
    /** Buttons, LEDs and LCD, with the sim profile's default buttons and LEDs already added. */
    HardwareWiring wiring();
}
