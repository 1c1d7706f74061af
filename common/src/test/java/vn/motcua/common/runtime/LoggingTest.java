package vn.motcua.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LoggingTest {
    private static final Pattern DATE = Pattern.compile("\\{date:([^}]+)}");
    private static final Instant AT = Instant.parse("2026-12-01T06:13:05.120Z");

    /** tinylog formats {@code {date:...}} with DateTimeFormatter in the machine's zone; this renders it the same way. */
    private static String render(String format, String zone) {
        Matcher m = DATE.matcher(format);
        assertThat(m.find()).as("a {date:...} in %s", format).isTrue();
        return DateTimeFormatter.ofPattern(m.group(1), Locale.ROOT).withZone(ZoneId.of(zone)).format(AT);
    }

    @Test
    void file_lines_say_which_zone_their_time_is_in() {
        assertThat(render(Logging.FILE_FORMAT, "UTC")).isEqualTo("2026-12-01 06:13:05.120Z");
        assertThat(render(Logging.FILE_FORMAT, "Asia/Ho_Chi_Minh")).isEqualTo("2026-12-01 13:13:05.120+07:00");
    }

    @Test
    void console_lines_which_the_simulator_keeps_as_device_logs_say_it_too() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Logging.class.getResourceAsStream("/tinylog.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("writer1.format")).isEqualTo(Logging.CONSOLE_FORMAT);
        assertThat(render(Logging.CONSOLE_FORMAT, "UTC")).isEqualTo("06:13:05.120Z");
        assertThat(render(Logging.CONSOLE_FORMAT, "Asia/Ho_Chi_Minh")).isEqualTo("13:13:05.120+07:00");
    }
}
