package vn.motcua.rating.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

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

    /** The district's timestamp as an instant; empty when it is missing or unreadable. */
    public Optional<Instant> at() {
        return instant(ts);
    }

    /** A district timestamp (ISO-8601 with an offset, or UTC) as an instant; empty when missing or unreadable. */
    public static Optional<Instant> instant(String ts) {
        if (ts == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(ts).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(ts));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /**
     * Whether the district said this before {@code other}, by their timestamps: a broker node can hand out an old
     * retained message after a newer one. False when either timestamp is missing or unreadable.
     */
    public boolean olderThan(Serving other) {
        Optional<Instant> mine = at();
        Optional<Instant> theirs = other == null ? Optional.empty() : other.at();
        return mine.isPresent() && theirs.isPresent() && mine.get().isBefore(theirs.get());
    }

    /** Whether both name the same served ticket on the same day (or both are closed), whatever the timestamps. */
    public boolean sameTicket(Serving other) {
        return other != null && Objects.equals(ticket, other.ticket) && Objects.equals(day, other.day);
    }
}
