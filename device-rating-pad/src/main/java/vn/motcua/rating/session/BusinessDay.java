package vn.motcua.rating.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** The office's business day of an instant: the local date, counted from {@code start} (e.g. 00:00). */
public record BusinessDay(ZoneId zone, LocalTime start) {
    public LocalDate of(Instant instant) {
        var local = instant.atZone(zone).toLocalDateTime();
        return local.toLocalTime().isBefore(start) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }
}
