package vn.motcua.common.hardware;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for tests that moves only when told. */
public final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");

    public synchronized void advanceMillis(long millis) {
        now = now.plusMillis(millis);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
