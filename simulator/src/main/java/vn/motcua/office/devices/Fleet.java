package vn.motcua.office.devices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/** The office's device processes: started together, stopped together (SIGTERM, then killed after a timeout). */
public final class Fleet {
    private final List<ChildDevice> children;
    private final List<ChildDevice> started = new ArrayList<>();

    public Fleet(List<ChildDevice> children) {
        this.children = List.copyOf(children);
    }

    /** Starts every device whose jar is built; the others are skipped with a log line. */
    public void start() throws IOException {
        for (ChildDevice c : children) {
            if (c.start()) {
                started.add(c);
            }
        }
    }

    /** The devices that run (their jar was found). */
    public List<ChildDevice> running() {
        return List.copyOf(started);
    }

    public Optional<ChildDevice> device(String deviceId) {
        return started.stream().filter(c -> c.spec().deviceId().equals(deviceId)).findFirst();
    }

    /** SIGTERM to all at once, then waits; a device still running after {@code millis} is killed. */
    public void stop(long millis) {
        started.forEach(ChildDevice::terminate);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ChildDevice c : started) {
            try {
                c.awaitOrKill(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Logger.info("all {} device processes have ended", started.size());
    }
}
