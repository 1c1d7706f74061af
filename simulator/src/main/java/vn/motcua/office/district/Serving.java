package vn.motcua.office.district;

import java.time.Instant;

/** What a counter shows: the ticket being served there (null when closed) and when it was called. */
public record Serving(int counter, String ticket, Instant calledAt) {
    public boolean closed() {
        return ticket == null;
    }
}
