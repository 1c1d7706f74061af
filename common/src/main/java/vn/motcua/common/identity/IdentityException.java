package vn.motcua.common.identity;

import java.nio.file.Path;

/** A bad identity file: names the file, the field and the rule it breaks, in one line. */
public final class IdentityException extends Exception {
    private final Path file;
    private final String field;

    public IdentityException(Path file, String field, String rule) {
        super(file + ": field '" + field + "': " + rule);
        this.file = file;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    public String field() {
        return field;
    }
}
