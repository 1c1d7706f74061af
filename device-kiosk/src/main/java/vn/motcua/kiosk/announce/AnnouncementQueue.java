package vn.motcua.kiosk.announce;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.tinylog.Logger;
import vn.motcua.common.health.ComponentStatus;

/**
 * Plays announcements one at a time, in call order, on one worker thread made in {@link #start()}. Nothing is cut
 * off while running: a call made during playback waits its turn, a repeated call is announced again, and a speaker
 * failure is logged and reported to the health callback before the queue goes on. At most {@value #MAX_WAITING}
 * calls wait (about ten minutes of speech): beyond that the oldest waiting call, long stale, is dropped and counted,
 * so a flood of calls cannot fill the heap.
 */
public final class AnnouncementQueue {
    static final int BACKLOG_WARNING = 50;
    static final int MAX_WAITING = 200;
    static final int HISTORY_LIMIT = 10_000;
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Announcement STOP = Announcement.of("");

    private enum State { NEW, RUNNING, STOPPED }

    private final Speaker speaker;
    private final Consumer<ComponentStatus> health;
    private final ThreadFactory threads;
    private final BlockingDeque<Announcement> pending = new LinkedBlockingDeque<>();
    private final Deque<String> history = new ArrayDeque<>();
    private State state = State.NEW;
    private Thread worker;
    private boolean backlogWarned;
    private long dropped;
    private volatile boolean speakerFailing;

    /** A queue whose worker is made by {@code threads} at {@link #start()}. */
    public AnnouncementQueue(Speaker speaker, Consumer<ComponentStatus> health, ThreadFactory threads) {
        this.speaker = Objects.requireNonNull(speaker, "speaker");
        this.health = Objects.requireNonNull(health, "health");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** Starts the worker; calls queued before start are played from now on. */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("announcement queue already " + state.name().toLowerCase());
        }
        state = State.RUNNING;
        worker = threads.newThread(this::run);
        worker.start();
    }

    /** Queues a call; returns at once. After {@link #stop()} calls are logged and ignored. */
    public void announce(Announcement announcement) {
        Objects.requireNonNull(announcement, "announcement");
        synchronized (this) {
            if (state == State.STOPPED) {
                Logger.warn("announcement '{}' after stop; not announcing it", announcement.text());
                return;
            }
            pending.addLast(announcement);
            if (pending.size() > MAX_WAITING) {
                Announcement stale = pending.pollFirst();
                dropped++;
                if (dropped == 1 || dropped % 100 == 0) {
                    Logger.warn("{} announcements waiting; not announcing the oldest one ('{}'), {} dropped since start",
                            MAX_WAITING, stale == null ? "" : stale.text(), dropped);
                }
            }
            int backlog = pending.size();
            if (backlog > BACKLOG_WARNING && !backlogWarned) {
                backlogWarned = true;
                Logger.warn("{} announcements waiting to be played; the speaker is slower than the calls, up to {} are kept",
                        backlog, MAX_WAITING);
            } else if (backlog <= BACKLOG_WARNING / 2) {
                backlogWarned = false;
            }
        }
    }

    /**
     * Stops: the announcement being played is finished (for up to 30 s), the ones still waiting are dropped and
     * counted in the log.
     */
    public void stop() {
        Thread w;
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            w = worker;
            int dropped = pending.size();
            pending.clear();
            if (dropped > 0) {
                Logger.info("stopping the announcer; {} waiting announcements are not played", dropped);
            }
            pending.addFirst(STOP);
        }
        if (w == null) {
            return;
        }
        try {
            w.join(STOP_GRACE.toMillis());
            if (w.isAlive()) {
                Logger.warn("announcement still playing after {} s; interrupting it to stop", STOP_GRACE.toSeconds());
                w.interrupt();
                w.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every text announced since start, oldest first (the latest 10,000); a text is added when its playback starts. */
    public List<String> announced() {
        synchronized (history) {
            return List.copyOf(new ArrayList<>(history));
        }
    }

    /** Announcements waiting to be played (not counting the one playing). */
    public int backlog() {
        return pending.size();
    }

    /** Waiting announcements dropped since start because {@value #MAX_WAITING} were already waiting. */
    public synchronized long dropped() {
        return dropped;
    }

    private void run() {
        while (true) {
            Announcement next;
            try {
                next = pending.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            play(next);
        }
    }

    private void play(Announcement a) {
        synchronized (history) {
            history.addLast(a.text());
            if (history.size() > HISTORY_LIMIT) {
                history.removeFirst();
            }
        }
        try {
            speaker.speak(a);
            if (speakerFailing) {
                speakerFailing = false;
                Logger.info("speaker works again");
                health.accept(ComponentStatus.OK);
            }
        } catch (IOException | RuntimeException e) {
            Logger.warn("could not announce '{}': {}; going on with the next call", a.text(), e.toString());
            speakerFailing = true;
            health.accept(ComponentStatus.fault("speaker-failed"));
        }
    }
}
