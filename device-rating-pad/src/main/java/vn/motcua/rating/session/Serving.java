package vn.motcua.rating.session;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the counter is doing, as the district last said: serving {@code ticket} (on business day {@code day}), or
 * closed ({@code ticket} and {@code day} null). {@code ts} is the district's timestamp, kept as it came.
 */
public record Serving(String ticket, LocalDate day, String ts) {
    public Serving {
        if (ticket == null) {
            day = null;
        } else {
            Objects.requireNonNull(day, "a served ticket needs its business day");
        }
    }

    public static Serving closed(String ts) {
        return new Serving(null, null, ts);
    }

    public boolean open() {
        return ticket != null;
    }

    /** Whether both name the same served ticket on the same day (or both are closed), whatever the timestamps. */
    public boolean sameTicket(Serving other) {
        return other != null && Objects.equals(ticket, other.ticket) && Objects.equals(day, other.day);
    }
}
