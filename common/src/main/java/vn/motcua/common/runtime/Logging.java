package vn.motcua.common.runtime;

import java.nio.file.Path;
import org.tinylog.configuration.Configuration;

/** Sets up tinylog: the console, plus a size-bounded rolling file under the state directory. */
public final class Logging {
    public static final String MAX_FILE_SIZE = "2mb";
    public static final int BACKUPS = 5;

    private Logging() {
    }

    /** Must run before the first log line; later calls are ignored by tinylog. */
    public static void toStateDir(Path stateDir) {
        if (Configuration.isFrozen()) {
            return;
        }
        Path logs = stateDir.toAbsolutePath().resolve("logs");
        Configuration.set("writer2", "rolling file");
        Configuration.set("writer2.file", logs.resolve("motcua-{count}.log").toString());
        Configuration.set("writer2.latest", logs.resolve("motcua.log").toString());
        Configuration.set("writer2.policies", "size: " + MAX_FILE_SIZE);
        Configuration.set("writer2.backups", String.valueOf(BACKUPS));
        Configuration.set("writer2.charset", "UTF-8");
        Configuration.set("writer2.format", "{date:yyyy-MM-dd HH:mm:ss.SSS} {level} [{thread}] {class-name}: {message}");
        String level = System.getProperty("motcua.log.level");
        if (level != null) {
            Configuration.set("level", level);
        }
    }
}
