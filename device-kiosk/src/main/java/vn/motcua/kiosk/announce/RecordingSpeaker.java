package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tinylog.Logger;

/** The sim profile's speaker: records each announcement and takes a short, fixed time to "play" it. */
public final class RecordingSpeaker implements Speaker {
    private final Duration playTime;
    private final List<Announcement> spoken = new CopyOnWriteArrayList<>();
    private volatile String fault;

    public RecordingSpeaker(Duration playTime) {
        this.playTime = Objects.requireNonNull(playTime, "playTime");
    }

    @Override
    public void speak(Announcement announcement) throws IOException {
        String f = fault;
        if (f != null) {
            throw new IOException("simulated speaker fault: " + f);
        }
        spoken.add(announcement);
        Logger.info("announcing '{}'", announcement.text());
        try {
            Thread.sleep(playTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("playback interrupted");
        }
    }

    /** Every announcement spoken so far, in order. */
    public List<Announcement> spoken() {
        return List.copyOf(spoken);
    }

    /** Makes every following announcement fail with this reason, as a broken amplifier would. */
    public void failWith(String reason) {
        fault = Objects.requireNonNull(reason, "reason");
    }

    /** Ends a simulated fault. */
    public void recover() {
        fault = null;
    }
}
