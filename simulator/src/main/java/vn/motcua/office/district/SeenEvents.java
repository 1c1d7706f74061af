package vn.motcua.office.district;

import java.util.LinkedHashSet;
import java.util.Iterator;

/** The event ids already handled, so that a redelivered event counts once; forgets the oldest past a bound. */
final class SeenEvents {
    private final int bound;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    SeenEvents(int bound) {
        this.bound = bound;
    }

    /** True the first time an id is seen. */
    synchronized boolean firstTime(String eventId) {
        if (!ids.add(eventId)) {
            return false;
        }
        if (ids.size() > bound) {
            Iterator<String> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
