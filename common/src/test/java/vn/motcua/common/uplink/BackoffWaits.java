package vn.motcua.common.uplink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Prints the first reconnect waits of a backoff made as the uplink makes it and used on another thread, as it is. */
public final class BackoffWaits {
    private BackoffWaits() {
    }

    /** The first {@code count} waits in ms of {@code backoff}, taken on a new thread. */
    static List<Long> onAnotherThread(Backoff backoff, int count) throws InterruptedException {
        AtomicReference<List<Long>> waits = new AtomicReference<>();
        Thread t = new Thread(() -> {
            List<Long> w = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                w.add(backoff.next().toMillis());
            }
            waits.set(w);
        });
        t.start();
        t.join();
        return waits.get();
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println(onAnotherThread(Backoff.seeded(Duration.ofSeconds(1), Duration.ofSeconds(60)), 8));
    }
}
