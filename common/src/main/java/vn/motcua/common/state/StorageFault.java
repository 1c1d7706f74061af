package vn.motcua.common.state;

/** Why the state disk refuses writes; the wire form is the {@code storage} health component's fault reason. */
public enum StorageFault {
    FULL("storage-full"),
    READ_ONLY("storage-read-only"),
    IO_ERROR("storage-io-error"),
    CANNOT_OPEN("storage-cannot-open");

    private final String wire;

    StorageFault(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
