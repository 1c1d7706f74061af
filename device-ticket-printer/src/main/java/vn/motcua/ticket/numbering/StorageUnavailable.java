package vn.motcua.ticket.numbering;

/** The ledger cannot write now (the state disk is full or read-only): nothing of the work was recorded. */
public final class StorageUnavailable extends RuntimeException {
    private final String reason;

    public StorageUnavailable(String reason, Throwable cause) {
        super("the state disk refuses writes (" + reason + ")", cause);
        this.reason = reason;
    }

    /** The storage fault's wire name, such as {@code storage-full}. */
    public String reason() {
        return reason;
    }
}
