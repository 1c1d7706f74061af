package vn.motcua.rating.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import vn.motcua.common.config.CommonConfig;

/** The office's business day of an instant: the local date, counted from {@code start} (e.g. 00:00). */
public record BusinessDay(ZoneId zone, LocalTime start) {
    public LocalDate of(Instant instant) {
        return CommonConfig.businessDay(instant, zone, start);
    }
}
