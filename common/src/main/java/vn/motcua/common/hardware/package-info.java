/**
 * Buttons, LEDs and text displays of a device: the ports ({@link vn.motcua.common.hardware.Buttons},
 * {@link vn.motcua.common.hardware.Leds}, {@link vn.motcua.common.hardware.TextDisplay}), their pure logic
 * (debouncing, ASCII folding, LCD line fitting) and the wiring read from the identity file.
 *
 * <p>The common part of the identity's {@code hardware} block, as {@link vn.motcua.common.hardware.HardwareWiring#parse} reads it:
 * <pre>
 * "hardware": {
 *   "profile": "pi",                          // or "sim"
 *   "buttons": {"A": 5, "B": 6},              // name -&gt; BCM pin 0..27; button to GND, internal pull-up
 *   "leds": {"A": 12, "status": 26},          // name -&gt; BCM pin 0..27; LED lit when the pin is high
 *   "debounceMillis": 30,                     // 0..1000, default 30
 *   "lcd": {"bus": 1, "address": "0x27", "columns": 20, "rows": 4}   // optional; bus default 1, address default 0x27
 * }
 * </pre>
 * No pin may be used twice, and with the LCD on bus 1 pins 2 and 3 (SDA, SCL) are taken. In the sim profile a
 * pin may be null, or {@code buttons}/{@code leds} may be a list of names: free pins from 4 up are assigned.
 * Other keys of the block (printer, scanner, screen, speaker) belong to the device kind: its
 * {@link vn.motcua.common.hardware.HardwareModel} declares and reads them into its typed
 * {@link vn.motcua.common.hardware.KindHardware}, and any key neither knows is an error. On a Pi, GPIO that cannot be used
 * at all (Pi4J cannot start) is a {@code gpio-unavailable} fault of buttons, LEDs and LCD, retried every 10 s.
 */
package vn.motcua.common.hardware;
