package vn.motcua.common.hardware;

/** Hears a debounced button press, by the button's configured name. */
@FunctionalInterface
public interface ButtonListener {
    void pressed(String button);
}
