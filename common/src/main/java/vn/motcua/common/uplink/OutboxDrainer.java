package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.tinylog.Logger;
import vn.motcua.common.events.EventLog;
import vn.motcua.common.events.RecordedEvent;

/**
 * Drains the event log to the broker in seq order, at least once, with at most {@link Limits#unacknowledged()}
 * publishes the broker has not acknowledged and {@link Limits#unconfirmed()} it has not passed on. An event is
 * confirmed when it comes back from the broker on the device's own subscription ({@link #confirmed(long)}), not when
 * the broker acknowledges it: a 3.1.1 broker acknowledges publishes its ACL refuses. The cursor never passes an
 * unconfirmed event. When acknowledged events do not come back within {@link Limits#confirmWithin()}, the drainer
 * reports the topic, waits with backoff and sends again from the first unconfirmed event. After a reconnect it starts
 * again right after the last confirmed event; the cursor is persisted lazily, on its own thread while the drain goes on
 * ({@link CursorCommitter}), and only up to the last event confirmed with all before it (a crash only causes
 * duplicates, which consumers drop by eventId).
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
    /** Connections in a row that ended with acknowledged events not passed on, before the topic is reported. */
    private static final int ENDED_UNCONFIRMED_LIMIT = 2;
    /**
     * The drain's bounds: publishes in flight without the broker's acknowledgement; events sent and not yet seen coming
     * back (also what one round sends to a broker that passes nothing on); how long an acknowledged event may take to
     * come back before the broker is taken not to pass events on.
     */
    record Limits(int unacknowledged, int unconfirmed, Duration confirmWithin) {
    }

    private final EventLog log;
    private final String eventTopicPrefix;
    private final Limits limits;
    private final Runnable onBrokenConnection;
    private final MqttHealth health;
    private final Backoff resendBackoff;
    private final Object signal = new Object();
    private final ConcurrentSkipListSet<Long> ackedAhead = new ConcurrentSkipListSet<>();

    private volatile boolean running;
    private volatile Epoch epoch;
    private volatile long acked;
    private volatile boolean idle;
    private boolean stalling;
    private final AtomicInteger endedUnconfirmed = new AtomicInteger();
    private volatile CursorCommitter cursor;
    private long lastPersistAt;
    private final LoopThread loop = new LoopThread("outbox-drainer", QUIET_LIMIT, this::run);
    private long wakes;

    /** One round of sending on one connection: its two windows, and its events sent and not yet confirmed. */
    private record Epoch(Publisher publisher, Semaphore unacked, Semaphore unconfirmed,
                         ConcurrentHashMap<Long, InFlight> inFlight) {
        Epoch(Publisher publisher, Limits limits) {
            this(publisher, new Semaphore(limits.unacknowledged()), new Semaphore(limits.unconfirmed()),
                    new ConcurrentHashMap<>());
        }
    }

    /**
     * An event sent in an epoch; {@code ackedAt} is when the drainer heard of the broker's acknowledgement
     * (System.nanoTime), 0 before it; {@code acknowledged} asks the connection, which knows of it first.
     */
    private static final class InFlight {
        final String topic;
        volatile long ackedAt;
        volatile BooleanSupplier acknowledged;

        InFlight(String topic) {
            this.topic = topic;
        }

        boolean acked() {
            BooleanSupplier a = acknowledged;
            return ackedAt != 0 || a != null && a.getAsBoolean();
        }
    }

    OutboxDrainer(EventLog log, String eventTopicPrefix, Limits limits, Runnable onBrokenConnection, MqttHealth health,
                  Backoff resendBackoff) {
        this.log = log;
        this.eventTopicPrefix = eventTopicPrefix;
        this.limits = limits;
        this.onBrokenConnection = onBrokenConnection;
        this.health = health;
        this.resendBackoff = resendBackoff;
    }

    void start() {
        acked = log.ackedSeq();
        cursor = new CursorCommitter(log::markAcked, acked);
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
        epoch = new Epoch(publisher, limits);
        wake();
    }

    /** Event {@code seq} came back from the broker: it is delivered. Called on the client's thread; never blocks. */
    void confirmed(long seq) {
        Epoch current = epoch;
        if (current != null && current.inFlight.remove(seq) != null) {
            current.unconfirmed.release();
        }
        onConfirmed(seq);
        health.eventsConfirmed();
    }

    void disconnected() {
        Epoch ended = epoch;
        epoch = null;
        if (ended != null) {
            ended(ended);
        }
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
                // the wakes are counted before the epoch is read: a connection made between the two is not slept
                // through (it sets the epoch, then wakes)
                long seen = wakes();
                Epoch current = epoch;
                if (current == null) {
                    persist(false);
                    awaitWake(seen, acked > persisted() ? PERSIST_EVERY_MILLIS : IDLE_WAIT_MILLIS);
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
                if (stalled(current)) {
                    return;
                }
                idle = true;
                awaitWake(seen, acked > persisted() || !current.inFlight.isEmpty() ? PERSIST_EVERY_MILLIS : IDLE_WAIT_MILLIS);
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
            boolean confirmable = false;
            while (running && epoch == current) {
                confirmable = confirmable || current.unconfirmed.tryAcquire(PERSIST_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (confirmable && current.unacked.tryAcquire(PERSIST_EVERY_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                loop.beat();
                persist(false);
                if (stalled(current)) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void send(Epoch current, RecordedEvent event) {
        byte[] payload = event.envelope().getBytes(StandardCharsets.UTF_8);
        String topic = eventTopicPrefix + EventLog.topicLevels(event.type());
        InFlight sent = new InFlight(topic);
        current.inFlight.put(event.seq(), sent);
        try {
            sent.acknowledged = current.publisher.publish(topic, payload, 1, false,
                    () -> {
                        sent.ackedAt = System.nanoTime();
                        current.unacked.release();
                    },
                    () -> {
                        current.unacked.release();
                        brokenConnection(current, "the broker did not take event " + event.seq());
                    });
        } catch (Exception e) {
            current.unacked.release();
            brokenConnection(current, "publishing event " + event.seq() + " failed: " + e.getMessage());
        }
    }

    private void brokenConnection(Epoch current, String why) {
        if (epoch == current) {
            epoch = null;
            ended(current);
            Logger.warn("{}; reconnecting and resending from event {}", why, acked + 1);
            onBrokenConnection.run();
        }
    }

    /**
     * A connection ended with events the broker acknowledged and did not pass on. Twice in a row with nothing passed on
     * in between is taken as a broker that refuses them (Mosquitto 2.0.11 acknowledges a publish its ACL denies, then
     * closes the connection): the topic is reported. The connection is asked which events it acknowledged: the
     * broker closes right after its acknowledgement, and the drainer's {@code onAck} of it may never run.
     */
    private void ended(Epoch e) {
        InFlight head = e.inFlight.get(acked + 1);
        String topic = head != null && head.acked() ? head.topic : null;
        for (InFlight f : e.inFlight.values()) {
            if (topic == null && f.acked()) {
                topic = f.topic;
            }
        }
        if (topic != null && endedUnconfirmed.incrementAndGet() >= ENDED_UNCONFIRMED_LIMIT) {
            health.eventsUnconfirmed(topic);
            Logger.debug("a connection ended with events from {} on {} acknowledged and not passed on", acked + 1, topic);
        }
    }

    /**
     * Whether an event of this epoch was acknowledged longer than {@code confirmWithin} ago and has not come back.
     * Then it reports the topic, waits with backoff (still taking late confirmations) and, still connected, starts a new
     * epoch that sends again from the first unconfirmed event.
     */
    private boolean stalled(Epoch current) {
        long now = System.nanoTime();
        InFlight oldest = null;
        for (InFlight f : current.inFlight.values()) {
            long at = f.ackedAt;
            if (at != 0 && now - at > limits.confirmWithin().toNanos()) {
                oldest = f;
                break;
            }
        }
        if (oldest == null) {
            if (current.inFlight.isEmpty()) {
                resendBackoff.reset();
                stalling = false;
            }
            return false;
        }
        long first = acked + 1;
        InFlight head = current.inFlight.get(first);
        String topic = head != null ? head.topic : oldest.topic;
        Duration wait = resendBackoff.next();
        health.eventsUnconfirmed(topic);
        if (!stalling) {
            Logger.warn("the broker acknowledged events from {} on {} but did not pass them on within {} s (its ACL "
                    + "must let this device write and read its own topics); they stay in the outbox and are sent "
                    + "again with backoff, next in {} ms", first, topic, limits.confirmWithin().toMillis() / 1000.0,
                    wait.toMillis());
            stalling = true;
        } else {
            Logger.debug("events from {} on {} still not passed on; sending again in {} ms", first, topic, wait.toMillis());
        }
        long until = System.nanoTime() + wait.toNanos();
        while (running && epoch == current && System.nanoTime() < until) {
            loop.beat();
            persist(false);
            await(Math.min(PERSIST_EVERY_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
        if (running && epoch == current) {
            epoch = new Epoch(current.publisher, limits);
        }
        return true;
    }

    private void onConfirmed(long seq) {
        if (endedUnconfirmed.get() != 0) {
            endedUnconfirmed.set(0);
        }
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
        if (idle || acked - persisted() >= PERSIST_EVERY_EVENTS) {
            wake();
        }
    }

    /**
     * Has the cursor stored now and then, by the commit thread (sending goes on meanwhile); {@code force} stores it
     * on this thread, after any commit under way.
     */
    private synchronized void persist(boolean force) {
        CursorCommitter c = cursor;
        long a = acked;
        long now = System.nanoTime() / 1_000_000;
        if (c == null || a <= c.persisted()) {
            return;
        }
        if (force) {
            c.commitNow(a);
        } else if (a - c.persisted() >= PERSIST_EVERY_EVENTS || now - lastPersistAt >= PERSIST_EVERY_MILLIS) {
            lastPersistAt = now;
            c.commitLater(a);
        }
    }

    private long persisted() {
        CursorCommitter c = cursor;
        return c == null ? acked : c.persisted();
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
