package vn.motcua.common.uplink;

import java.time.Duration;
import org.tinylog.Logger;
import vn.motcua.common.health.Components;
import vn.motcua.common.health.Heartbeat;
import vn.motcua.common.runtime.DeviceThreads;

/**
 * A long-lived loop on its own daemon thread. The loop beats each time it goes round; it handles its own exceptions,
 * so what escapes it is an Error it cannot go on after: it is logged and goes on to the thread's uncaught-exception
 * handler, which in a device runtime records the component's failure and ends the process (the watchdog).
 */
final class LoopThread {
    private final String name;
    private final Duration quietLimit;
    private final Runnable loop;
    private final Heartbeat heartbeat;
    private Thread thread;

    LoopThread(String name, Duration quietLimit, Runnable loop) {
        this.name = name;
        this.quietLimit = quietLimit;
        this.loop = loop;
        this.heartbeat = new Heartbeat(Components.ofLoop(name).orElse(name), quietLimit, System::nanoTime);
    }

    void start() {
        beat();
        thread = DeviceThreads.named(name).newThread(this::run);
        thread.start();
    }

    /** Called by the loop each time it goes round. */
    void beat() {
        heartbeat.beat();
    }

    LoopStatus status() {
        Thread t = thread;
        return new LoopStatus(name, t != null && t.isAlive(), heartbeat.sinceBeat(), quietLimit);
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
            Logger.error(e, "the uplink's {} loop cannot go on", name);
            throw e;
        }
    }
}
