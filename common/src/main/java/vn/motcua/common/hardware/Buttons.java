package vn.motcua.common.hardware;

import java.util.Set;

/** The device's named push buttons: each press is reported once, by name, to every listener. */
public interface Buttons {
    /** Adds a listener; listeners are called on one dispatch thread, in press order. */
    void addListener(ButtonListener listener);

    /** The configured button names, in wiring order. */
    Set<String> names();

    /** Starts watching the buttons. */
    void start();

    /** Stops watching the buttons; presses after this are not reported. */
    void stop();
}
