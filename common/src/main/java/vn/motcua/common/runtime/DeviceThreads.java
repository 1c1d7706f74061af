package vn.motcua.common.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place device code makes threads. Periodic and short work runs on the kernel's shared scheduler
 * ({@code DeviceContext.scheduler()}); a component that blocks (a serial read, a printer write, an HTTP client, a
 * speech process) is handed a factory from here by whoever wires it, and never names or configures threads itself.
 * Every thread is a daemon (the runtime's stop decides when the process ends) and has a name that says whose it is:
 * {@code name}, then {@code name-2}, {@code name-3}… for a factory that makes more than one. An exception that
 * escapes a thread goes to the default handler, which the watchdog installs in a device process (an {@link Error}
 * ends the process there). {@code DeviceThreadsTest} keeps every other {@code new Thread} out of the device modules.
 */
public final class DeviceThreads {
    private DeviceThreads() {
    }

    /** A factory of daemon threads called {@code name}. */
    public static ThreadFactory named(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> {
            int n = made.incrementAndGet();
            Thread t = new Thread(task, n == 1 ? name : name + "-" + n);
            t.setDaemon(true);
            return t;
        };
    }
}
