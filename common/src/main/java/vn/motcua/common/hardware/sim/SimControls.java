package vn.motcua.common.hardware.sim;

/** The sim profile's handles on its simulated buttons, LEDs and display, from which the {@code /sim/*} resources are made. */
public record SimControls(SimButtons buttons, SimLeds leds, SimDisplay display) {
}
