package vn.motcua.common.update;

import java.io.IOException;
import java.nio.file.Path;

/** Verifies a complete uploaded bundle (signature, kind, files) and returns its version. */
@FunctionalInterface
public interface BundleCheck {
    /** The version of the bundle at {@code zip}, which passed every check; else why it is refused. */
    String verify(Path zip) throws RefusedBundle, IOException;
}
