package vn.motcua.ticket.transport;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs blocking writes on one worker thread so the caller waits at most a timeout; the owner closes the stream on timeout. */
final class BoundedWriter {
    interface Write {
        void run() throws IOException;
    }

    private final String name;
    private ExecutorService worker;

    BoundedWriter(String name) {
        this.name = name;
    }

    synchronized void start() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Runs the write; throws IOException on failure or when it did not finish within the timeout. */
    void write(Write write, long timeoutMillis) throws IOException {
        ExecutorService w;
        synchronized (this) {
            start();
            w = worker;
        }
        Future<?> f = w.submit(() -> {
            write.run();
            return null;
        });
        try {
            f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new IOException(name + ": write did not finish within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(name + ": write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while writing", e);
        }
    }

    synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
