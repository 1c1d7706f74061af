package vn.motcua.common.uplink;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.tinylog.Logger;
import vn.motcua.common.runtime.DeviceThreads;

/**
 * Stores the outbox cursor off the drainer's thread, so that the drain goes on publishing while the cursor's commit
 * waits for the disk. It is only ever given a seq up to which every event was confirmed, and stores the highest it was
 * given (requests made while a commit runs are folded into the next one). Its thread exists only while commits are
 * asked for: it ends after {@link #KEEP_ALIVE_MILLIS} without one. A commit that fails is logged once and tried again
 * at the next request; sending goes on, and after a crash events after the stored cursor are only sent again.
 */
final class CursorCommitter {
    static final long KEEP_ALIVE_MILLIS = 5000;

    private final LongConsumer store;
    private final ThreadPoolExecutor thread;
    private final AtomicLong wanted;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object committing = new Object();
    private volatile long persisted;
    private boolean failing;

    /** {@code store} moves the durable cursor forward to the seq given; {@code persisted} is where it stands now. */
    CursorCommitter(LongConsumer store, long persisted) {
        this(store, persisted, KEEP_ALIVE_MILLIS);
    }

    CursorCommitter(LongConsumer store, long persisted, long keepAliveMillis) {
        this.store = store;
        this.persisted = persisted;
        this.wanted = new AtomicLong(persisted);
        this.thread = new ThreadPoolExecutor(1, 1, keepAliveMillis, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DeviceThreads.named("outbox-cursor"));
        this.thread.allowCoreThreadTimeOut(true);
    }

    /** The highest seq stored so far. */
    long persisted() {
        return persisted;
    }

    /** Whether the commit thread is there now (it is not while no commit was asked for lately). */
    boolean threadAlive() {
        return thread.getPoolSize() > 0;
    }

    /** Asks for the cursor to be stored at {@code seq} (or higher) on the commit thread; returns at once. */
    void commitLater(long seq) {
        wanted.accumulateAndGet(seq, Math::max);
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                commit();
            });
        }
    }

    /** Stores the cursor at {@code seq} (or higher) on the calling thread, after any commit under way. */
    void commitNow(long seq) {
        wanted.accumulateAndGet(seq, Math::max);
        commit();
    }

    private void commit() {
        synchronized (committing) {
            long seq = wanted.get();
            if (seq <= persisted) {
                return;
            }
            try {
                store.accept(seq);
                persisted = seq;
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    Logger.warn("could not store the outbox cursor ({}); sending goes on, and after a restart events "
                            + "after {} are sent again", e.getMessage(), persisted);
                    failing = true;
                }
            }
        }
    }
}
