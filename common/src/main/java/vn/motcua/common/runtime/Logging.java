package vn.motcua.common.runtime;

import java.nio.file.Path;
import org.tinylog.configuration.Configuration;

/**
 * Sets up tinylog: the console, plus a size-bounded rolling file under the state directory. Every line's time carries
 * its UTC offset ({@code Z} on a machine kept in UTC, {@code +07:00} on one set to Vietnam's time), because tinylog
 * writes the machine's zone and the events and screens show the office's.
 */
public final class Logging {
    public static final String MAX_FILE_SIZE = "2mb";
    public static final int BACKUPS = 5;
    /** The file writers' line: date, time with milliseconds and the UTC offset, level, thread, class, message. */
    public static final String FILE_FORMAT = "{date:yyyy-MM-dd HH:mm:ss.SSSXXX} {level} [{thread}] {class-name}: {message}";
    /** The console's line (tinylog.properties), which the simulator keeps as each device's log: the same with the time only. */
    public static final String CONSOLE_FORMAT = "{date:HH:mm:ss.SSSXXX} {level} [{thread}] {class-name}: {message}";

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
        Configuration.set("writer2.format", FILE_FORMAT);
        String level = System.getProperty("motcua.log.level");
        if (level != null) {
            Configuration.set("level", level);
        }
    }
}
