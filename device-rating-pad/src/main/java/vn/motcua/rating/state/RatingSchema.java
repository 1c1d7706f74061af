package vn.motcua.rating.state;

import java.util.List;

/** The rating pad's tables (append-only migration steps). */
public final class RatingSchema {
    public static final String MODULE = "rating-pad";

    /** Step 1: every rating given, and the (business day, ticket) pairs already rated. */
    public static final List<String> STEPS = List.of(
            "CREATE TABLE ratings(id INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, ticket TEXT, "
                    + "serving_day TEXT, level TEXT NOT NULL, reason TEXT, at_millis INTEGER NOT NULL);"
                    + "CREATE INDEX ratings_by_day ON ratings(day);"
                    + "CREATE TABLE rated_tickets(serving_day TEXT NOT NULL, ticket TEXT NOT NULL, "
                    + "rating_id INTEGER NOT NULL REFERENCES ratings(id), PRIMARY KEY(serving_day, ticket))");

    private RatingSchema() {
    }
}
