package vn.motcua.common.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** The office's business day of an instant: the local date in {@code zone}, each day starting at {@code start}. */
public record BusinessDay(ZoneId zone, LocalTime start) {
    /** The business day of {@code instant}; before {@code start} it is still the previous day. */
    public LocalDate of(Instant instant) {
        return instant.atZone(zone).minusSeconds(start.toSecondOfDay()).toLocalDate();
    }

    /** The business day to use: the instant's, unless a later day was already used (a day never goes back). */
    public LocalDate resolve(Instant instant, Optional<LocalDate> latestUsed) {
        LocalDate day = of(instant);
        return latestUsed.filter(latest -> latest.isAfter(day)).orElse(day);
    }
}
