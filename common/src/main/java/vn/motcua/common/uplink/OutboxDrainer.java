package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;

/**
 * Drains the event log to the broker in seq order, at least once, with at most {@code window} unacknowledged
 * publishes. After a reconnect it starts again right after the last acknowledged event; the cursor is
 * persisted lazily (a crash only causes duplicates, which consumers drop by eventId).
 */
final class OutboxDrainer {
    private static final int BATCH = 256;
    private static final long PERSIST_EVERY_MILLIS = 250;
    private static final int PERSIST_EVERY_EVENTS = 1000;
    /** With nothing to send or persist the drainer sleeps until an event or a connection wakes it. */
    private static final long IDLE_WAIT_MILLIS = 30_000;
    /** Healthy, the loop goes round at least every idle wait (plus a slow read of the log). */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(2);
    private static final long RETRY_MILLIS = 1000;

    private final EventLog log;
    private final String eventTopicPrefix;
    private final int window;
    private final Runnable onBrokenConnection;
    private final Object signal = new Object();
    private final ConcurrentSkipListSet<Long> ackedAhead = new ConcurrentSkipListSet<>();

    private volatile boolean running;
    private volatile Epoch epoch;
    private volatile long acked;
    private volatile boolean idle;
    private long persisted;
    private long lastPersistAt;
    private boolean persistFailing;
    private final LoopThread loop = new LoopThread("outbox-drainer", QUIET_LIMIT, this::run);
    private long wakes;

    private record Epoch(Publisher publisher, Semaphore permits) {
    }

    OutboxDrainer(EventLog log, String eventTopicPrefix, int window, Runnable onBrokenConnection) {
        this.log = log;
        this.eventTopicPrefix = eventTopicPrefix;
        this.window = window;
        this.onBrokenConnection = onBrokenConnection;
    }

    void start() {
        acked = log.ackedSeq();
        persisted = acked;
        running = true;
        loop.start();
    }

    /**
     * Stops after flushing: while connected, keeps draining until everything recorded so far is acknowledged or
     * {@code graceMillis} pass; then persists the cursor. What is left is sent after the next start.
     */
    void stop(long graceMillis) {
        long target = log.lastSeq();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        try {
            while (epoch != null && acked < target && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            running = false;
            wake();
            loop.join(2000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        persist(true);
    }

    void connected(Publisher publisher) {
        epoch = new Epoch(publisher, new Semaphore(window));
        wake();
    }

    void disconnected() {
        epoch = null;
        wake();
    }

    void wake() {
        synchronized (signal) {
            wakes++;
            signal.notifyAll();
        }
    }

    private long wakes() {
        synchronized (signal) {
            return wakes;
        }
    }

    long ackedSeq() {
        return acked;
    }

    LoopStatus status() {
        return loop.status();
    }

    /** Survives any exception (a state disk that fails to read or write, a publisher that throws): logs and retries. */
    private void run() {
        boolean failing = false;
        while (running) {
            loop.beat();
            try {
                Epoch current = epoch;
                if (current == null) {
                    persist(false);
                    await(acked > persisted ? PERSIST_EVERY_MILLIS : IDLE_WAIT_MILLIS);
                } else {
                    drain(current);
                }
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    Logger.error(e, "the outbox drain failed; retrying every {} ms, events are kept", RETRY_MILLIS);
                    failing = true;
                } else {
                    Logger.debug("the outbox drain failed again: {}", e.getMessage());
                }
                await(RETRY_MILLIS);
            }
        }
    }

    private void drain(Epoch current) {
        long next = acked + 1;
        while (running && epoch == current) {
            loop.beat();
            long seen = wakes();
            List<RecordedEvent> batch = log.readAfter(next - 1, BATCH);
            if (batch.isEmpty()) {
                persist(false);
                idle = true;
                awaitWake(seen, acked > persisted ? PERSIST_EVERY_MILLIS : IDLE_WAIT_MILLIS);
                idle = false;
                continue;
            }
            for (RecordedEvent event : batch) {
                if (!acquire(current)) {
                    return;
                }
                send(current, event);
                next = event.seq() + 1;
            }
            persist(false);
        }
    }

    private boolean acquire(Epoch current) {
        try {
            while (running && epoch == current) {
                if (current.permits.tryAcquire(PERSIST_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                loop.beat();
                persist(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void send(Epoch current, RecordedEvent event) {
        byte[] payload = event.envelope().getBytes(StandardCharsets.UTF_8);
        try {
            current.publisher.publish(eventTopicPrefix + EventLog.topicLevels(event.type()), payload, 1, false,
                    () -> {
                        current.permits.release();
                        onAck(event.seq());
                    },
                    () -> {
                        current.permits.release();
                        brokenConnection(current, "the broker did not take event " + event.seq());
                    });
        } catch (Exception e) {
            current.permits.release();
            brokenConnection(current, "publishing event " + event.seq() + " failed: " + e.getMessage());
        }
    }

    private void brokenConnection(Epoch current, String why) {
        if (epoch == current) {
            epoch = null;
            Logger.warn("{}; reconnecting and resending from event {}", why, acked + 1);
            onBrokenConnection.run();
        }
    }

    private void onAck(long seq) {
        synchronized (ackedAhead) {
            if (seq <= acked) {
                return;
            }
            ackedAhead.add(seq);
            long a = acked;
            while (ackedAhead.remove(a + 1)) {
                a++;
            }
            acked = a;
        }
        if (idle || acked - persisted >= PERSIST_EVERY_EVENTS) {
            wake();
        }
    }

    /** Stores the cursor now and then; a failure to store it is logged and tried again later, sending goes on. */
    private synchronized void persist(boolean force) {
        long a = acked;
        long now = System.nanoTime() / 1_000_000;
        if (a > persisted && (force || a - persisted >= PERSIST_EVERY_EVENTS || now - lastPersistAt >= PERSIST_EVERY_MILLIS)) {
            lastPersistAt = now;
            try {
                log.markAcked(a);
                persisted = a;
                persistFailing = false;
            } catch (RuntimeException e) {
                if (!persistFailing) {
                    Logger.warn("could not store the outbox cursor ({}); sending goes on, and after a restart events "
                            + "after {} are sent again", e.getMessage(), persisted);
                    persistFailing = true;
                }
            }
        }
    }

    private void await(long millis) {
        awaitWake(wakes(), millis);
    }

    private void awaitWake(long seen, long millis) {
        synchronized (signal) {
            try {
                if (wakes == seen) {
                    signal.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
