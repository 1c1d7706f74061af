package vn.motcua.ticket.numbering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import vn.motcua.common.config.CommonConfig;

/** Which business day an instant belongs to: the office's local date, with the day starting at {@code dayStart}. */
public final class BusinessDay {
    private BusinessDay() {
    }

    /** The business day of {@code instant} in {@code zone}; before {@code dayStart} it is still the previous day. */
    public static LocalDate of(Instant instant, ZoneId zone, LocalTime dayStart) {
        return CommonConfig.businessDay(instant, zone, dayStart);
    }

    /** The business day to use: the clock's, unless a later day was already used (a day never goes back). */
    public static LocalDate resolve(Instant instant, ZoneId zone, LocalTime dayStart, Optional<LocalDate> latestUsed) {
        LocalDate day = of(instant, zone, dayStart);
        return latestUsed.filter(latest -> latest.isAfter(day)).orElse(day);
    }
}
