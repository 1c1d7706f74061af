package vn.motcua.common.config;

import java.time.LocalTime;

/** The fields every kind's config has (SPEC section 6). */
public record CommonConfig(long version, String officeName, String locale, int telemetryIntervalSeconds,
                           LocalTime businessDayStart) {
    public static final int DEFAULT_TELEMETRY_SECONDS = 60;

    /** The built-in defaults: version 0, before the district's first PUT /config. */
    public static CommonConfig defaults() {
        return new CommonConfig(0, "", "vi", DEFAULT_TELEMETRY_SECONDS, LocalTime.MIDNIGHT);
    }

    /** Reads the common fields; errors go to the reader. */
    public static CommonConfig read(ConfigReader r) {
        long version = r.requiredLong("version", 1, Long.MAX_VALUE);
        String officeName = r.text("officeName", "", 0, 200);
        String locale = r.oneOf("locale", "vi", "vi", "en");
        int telemetry = (int) r.optionalLong("telemetryIntervalSeconds", DEFAULT_TELEMETRY_SECONDS, 10, 3600);
        LocalTime dayStart = r.timeOfDay("businessDayStart", LocalTime.MIDNIGHT);
        return new CommonConfig(version, officeName, locale, telemetry, dayStart);
    }

    /** The office's business day of {@code instant}: the local date in {@code zone}, the day starting at {@code dayStart}. */
    public static java.time.LocalDate businessDay(java.time.Instant instant, java.time.ZoneId zone, LocalTime dayStart) {
        return instant.atZone(zone).minusSeconds(dayStart.toSecondOfDay()).toLocalDate();
    }

    /** The names of the common fields, for a kind's list of known fields. */
    public static final java.util.Set<String> FIELDS =
            java.util.Set.of("version", "officeName", "locale", "telemetryIntervalSeconds", "businessDayStart");
}
