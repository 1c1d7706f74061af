package vn.motcua.kiosk.announce;

import java.util.Objects;

/**
 * One call to announce in the hall.
 *
 * @param text   the text as shown and recorded, e.g. {@code Mời số A012 đến quầy 3}
 * @param spoken the same call as the voice should say it, e.g. {@code Mời số A không một hai đến quầy ba}
 */
public record Announcement(String text, String spoken) {

    public Announcement {
        Objects.requireNonNull(text, "text");
        spoken = spoken == null ? text : spoken;
    }

    /** An announcement spoken as it is written. */
    public static Announcement of(String text) {
        return new Announcement(text, text);
    }
}
