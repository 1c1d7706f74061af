package vn.motcua.common.hardware;

/** One problem in the identity's hardware block, with the JSON path of the field (e.g. {@code hardware.buttons.A}). */
public record WiringError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
