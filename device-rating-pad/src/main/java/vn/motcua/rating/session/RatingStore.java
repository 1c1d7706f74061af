package vn.motcua.rating.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a rating session keeps what must survive a restart: ratings, rated tickets and the last serving state.
 * Writes throw {@link StorageUnavailable} when the state disk refuses them.
 */
public interface RatingStore {
    /** Records a rating, marks its ticket rated and records its event, in one durable transaction. */
    void record(Rating rating);

    /** Whether this ticket, served on this business day, was already rated. */
    boolean rated(LocalDate servingDay, String ticket);

    /** When the last rating without a ticket was recorded. */
    Optional<Instant> lastUnticketed();

    /** Keeps the serving state durably, so it is known again right after a restart. */
    void saveServing(Serving serving);

    /** The serving state last saved, if the district was ever heard. */
    Optional<Serving> loadServing();
}
