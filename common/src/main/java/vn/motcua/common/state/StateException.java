package vn.motcua.common.state;

/** The durable state store failed; the device cannot keep its promises until it is fixed. */
public final class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
