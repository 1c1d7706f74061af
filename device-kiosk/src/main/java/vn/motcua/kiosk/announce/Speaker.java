package vn.motcua.kiosk.announce;

import java.io.IOException;

/** A voice output that speaks one announcement at a time. */
public interface Speaker {

    /** Speaks the announcement and returns when playback has ended; throws when it could not be played. */
    void speak(Announcement announcement) throws IOException;
}
