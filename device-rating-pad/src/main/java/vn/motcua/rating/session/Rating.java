package vn.motcua.rating.session;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded rating: for {@code ticket} (null when no ticket was being served), at a level, with a reason code
 * (null unless unsatisfied and a reason was picked). {@code servingDay} keys the ticket as rated; {@code day} is
 * the business day the rating was given on.
 */
public record Rating(int counter, String ticket, LocalDate servingDay, Level level, String reason, LocalDate day,
                     Instant at) {
}
