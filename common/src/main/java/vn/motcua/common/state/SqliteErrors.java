package vn.motcua.common.state;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * The one place that reads SQLite's result codes: a full, read-only or failing disk (SQLITE_FULL, SQLITE_READONLY,
 * SQLITE_IOERR, SQLITE_CANTOPEN) becomes a {@link StorageFault}; anything else is a failure of the work itself.
 */
final class SqliteErrors {
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private final Path dir;

    SqliteErrors(Path dir) {
        this.dir = dir;
    }

    /** The exception to throw for {@code e}, classified; {@code what} says what failed. */
    StateException wrap(String what, SQLException e) {
        return new StateException(what + ": " + e.getMessage(), e, classify(e));
    }

    /** The disk's fault behind {@code e}, or null when the disk did not refuse. */
    StorageFault classify(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return null;
        }
        // extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...) keep the primary code in the low byte
        return switch (sqlite.getResultCode().code & 0xff) {
            case SQLITE_FULL -> StorageFault.FULL;
            case SQLITE_READONLY -> StorageFault.READ_ONLY;
            case SQLITE_IOERR -> StorageDiagnosis.of(dir, StorageFault.IO_ERROR);
            case SQLITE_CANTOPEN -> StorageDiagnosis.of(dir, StorageFault.CANNOT_OPEN);
            default -> null;
        };
    }
}
