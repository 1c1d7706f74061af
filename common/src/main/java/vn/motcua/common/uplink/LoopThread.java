package vn.motcua.common.uplink;

import java.time.Duration;
import org.tinylog.Logger;

/**
 * A long-lived loop on its own daemon thread. The loop beats each time it goes round; it handles its own exceptions,
 * so what escapes it is an Error it cannot go on after: the process then ends (exit 1) so that systemd restarts it.
 */
final class LoopThread {
    private final String name;
    private final Duration quietLimit;
    private final Runnable loop;
    private volatile long lastBeat = System.nanoTime();
    private Thread thread;

    LoopThread(String name, Duration quietLimit, Runnable loop) {
        this.name = name;
        this.quietLimit = quietLimit;
        this.loop = loop;
    }

    void start() {
        beat();
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Called by the loop each time it goes round. */
    void beat() {
        lastBeat = System.nanoTime();
    }

    LoopStatus status() {
        Thread t = thread;
        return new LoopStatus(name, t != null && t.isAlive(), Duration.ofNanos(System.nanoTime() - lastBeat), quietLimit);
    }

    void interrupt() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }

    private void run() {
        try {
            loop.run();
        } catch (Throwable e) {
            Logger.error(e, "the uplink's {} loop cannot go on; ending the process so that it is restarted", name);
            System.exit(1);
        }
    }
}
