package vn.motcua.common.state;

import java.util.Optional;

/**
 * The durable state store failed; {@link #fault()} says when the state disk itself refused (full, read-only, I/O
 * error), which passes once the disk is writable again, as opposed to a failure of the work itself.
 */
public final class StateException extends RuntimeException {
    private final transient StorageFault fault;

    public StateException(String message, Throwable cause) {
        this(message, cause, null);
    }

    StateException(String message, Throwable cause, StorageFault fault) {
        super(message, cause);
        this.fault = fault;
    }

    /** The state disk's fault when the disk refused the work; empty when the work itself failed. */
    public Optional<StorageFault> fault() {
        return Optional.ofNullable(fault);
    }
}
