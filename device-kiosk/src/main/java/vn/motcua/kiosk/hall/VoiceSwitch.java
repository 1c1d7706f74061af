package vn.motcua.kiosk.hall;

import java.io.IOException;
import vn.motcua.kiosk.announce.Announcement;
import vn.motcua.kiosk.announce.Speaker;

/** The speaker in use, swapped whole when the config picks another voice; the announcement queue speaks through it. */
final class VoiceSwitch implements Speaker {
    private volatile Speaker current;

    VoiceSwitch(Speaker initial) {
        this.current = initial;
    }

    void use(Speaker next) {
        current = next;
    }

    @Override
    public void speak(Announcement announcement) throws IOException {
        current.speak(announcement);
    }
}
