package vn.motcua.kiosk.announce;

/** The hall's voice as the kiosk sees it: queues one call to be spoken and returns at once. */
public interface Announcer {
    void announce(Announcement announcement);
}
