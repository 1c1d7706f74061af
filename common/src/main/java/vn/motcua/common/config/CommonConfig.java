package vn.motcua.common.config;

import java.time.LocalTime;

/** The fields every kind's config has (SPEC section 6). */
public record CommonConfig(long version, String officeName, String locale, int telemetryIntervalSeconds,
                           LocalTime businessDayStart, int updateTrialSeconds) {
    public static final int DEFAULT_TELEMETRY_SECONDS = 60;
    /** How long a new release must run healthy before it commits (SPEC section 11). */
    public static final int DEFAULT_UPDATE_TRIAL_SECONDS = 120;

    /** The built-in defaults: version 0, before the district's first PUT /config. */
    public static CommonConfig defaults() {
        return new CommonConfig(0, "", "vi", DEFAULT_TELEMETRY_SECONDS, LocalTime.MIDNIGHT, DEFAULT_UPDATE_TRIAL_SECONDS);
    }

    /** Reads the common fields; errors go to the reader. */
    public static CommonConfig read(ConfigReader r) {
        long version = r.requiredLong("version", 1, Long.MAX_VALUE);
        String officeName = r.text("officeName", "", 0, 200);
        String locale = r.oneOf("locale", "vi", "vi", "en");
        int telemetry = (int) r.optionalLong("telemetryIntervalSeconds", DEFAULT_TELEMETRY_SECONDS, 10, 3600);
        LocalTime dayStart = r.timeOfDay("businessDayStart", LocalTime.MIDNIGHT);
        int trial = (int) r.optionalLong("updateTrialSeconds", DEFAULT_UPDATE_TRIAL_SECONDS, 10, 3600);
        return new CommonConfig(version, officeName, locale, telemetry, dayStart, trial);
    }

    /** The office's business days in {@code zone}, each starting at {@link #businessDayStart}. */
    public BusinessDay businessDay(java.time.ZoneId zone) {
        return new BusinessDay(zone, businessDayStart);
    }

    /** The names of the common fields, for a kind's list of known fields. */
    public static final java.util.Set<String> FIELDS =
            java.util.Set.of("version", "officeName", "locale", "telemetryIntervalSeconds", "businessDayStart",
                    "updateTrialSeconds");
}
