package vn.motcua.common.uplink;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.internal.CommsCallback;
import org.eclipse.paho.client.mqttv3.internal.CommsReceiver;
import org.eclipse.paho.client.mqttv3.internal.CommsSender;
import vn.motcua.common.runtime.DeviceThreads;

/**
 * The threads of one Paho client, handed to its constructor. Paho 1.2.5 starts its receiver, sender and callback
 * loops one after another, each by submitting it while holding the loop's lock, then polling the loop's
 * {@code isRunning()} with {@code Thread.sleep(100)} until it says yes. A new thread has rarely run by the first poll
 * (never on one core), so every connect slept up to 300 ms before its CONNECT was even written. Here a short-lived
 * watcher, started with each such loop, interrupts the starter's sleep as soon as the loop runs; Paho's poll swallows
 * the interrupt, looks again and goes on. The watcher gives up after {@link #START_LIMIT_MS} ms, leaving Paho's poll
 * as it was. Whoever closes the client shuts this down; Paho never does.
 *
 * <p>Idle threads are kept, never timed out. The receiver, sender and callback loops hold three threads for as long
 * as the connection lasts, and a {@link ScheduledThreadPoolExecutor} only replaces a worker that timed out when no
 * worker is left at all: with idle threads timing out after 10 s, the keep-alive ping, scheduled 15 s ahead, was left
 * in the queue with no thread to run it, and the broker dropped every idle device after one and a half keep-alive
 * intervals (Mosquitto: "exceeded timeout"), to be reconnected a second later, every 24 s.
 */
final class PahoThreads extends ScheduledThreadPoolExecutor {
    /**
     * The most Paho runs at once: while connecting, the connect task, the receiver, sender and callback loops it
     * starts one after another, and the watcher of the loop being started. Once connected the three loops hold three
     * threads and the other two wait for the keep-alive ping or a disconnect. Every thread is kept (below), and each
     * costs about 100 KB of stack (HotSpot touches its shadow pages), so no more are made.
     */
    static final int THREADS = 5;
    /** Paho's own poll interval: watching longer than one of its sleeps gains nothing. */
    static final long START_LIMIT_MS = 100;
    private final long startLimitNanos;

    PahoThreads(String name) {
        this(name, START_LIMIT_MS);
    }

    PahoThreads(String name, long startLimitMs) {
        super(THREADS, DeviceThreads.named(name));
        this.startLimitNanos = TimeUnit.MILLISECONDS.toNanos(startLimitMs);
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public Future<?> submit(Runnable task) {
        Future<?> started = super.submit(task);
        BooleanSupplier running = loopRunning(task);
        if (running != null) {
            Thread starter = Thread.currentThread();
            super.execute(() -> wakeWhenRunning(starter, running, started));
        }
        return started;
    }

    private void wakeWhenRunning(Thread starter, BooleanSupplier running, Future<?> loop) {
        long deadline = System.nanoTime() + startLimitNanos;
        while (!running.getAsBoolean()) {
            if (loop.isDone() || System.nanoTime() > deadline || isShutdown()) {
                return;
            }
            LockSupport.parkNanos(50_000);
        }
        // only a starter asleep in its poll: one that saw the loop running by itself has gone on and is not disturbed
        if (starter.getState() == Thread.State.TIMED_WAITING) {
            starter.interrupt();
        }
    }

    /** How to ask whether {@code task}, one of Paho's comms loops, runs yet; null for any other task. */
    static BooleanSupplier loopRunning(Runnable task) {
        if (task instanceof CommsReceiver r) {
            return r::isRunning;
        }
        if (task instanceof CommsSender s) {
            return s::isRunning;
        }
        if (task instanceof CommsCallback c) {
            return c::isRunning;
        }
        return null;
    }
}
