package vn.motcua.ticket.transport;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.motcua.common.runtime.DeviceThreads;

/** Runs blocking I/O on one worker thread so the caller waits at most a timeout; the owner closes the stream on timeout. */
final class BoundedIo {
    interface Io<T> {
        T run() throws IOException;
    }

    private final String name;
    private ExecutorService worker;

    BoundedIo(String name) {
        this.name = name;
    }

    synchronized void start() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(DeviceThreads.named(name));
        }
    }

    /** Runs the operation; throws TimeoutException when it did not finish in time, IOException when it failed. */
    <T> T call(Io<T> io, long timeoutMillis) throws IOException, TimeoutException {
        ExecutorService w;
        synchronized (this) {
            start();
            w = worker;
        }
        Future<T> f = w.submit(io::run);
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException failure ? failure : new IOException(name + ": I/O failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted", e);
        }
    }

    /** Runs a write; throws IOException also when it did not finish within the timeout. */
    void write(Io<?> io, long timeoutMillis) throws IOException {
        try {
            call(io, timeoutMillis);
        } catch (TimeoutException e) {
            throw new IOException(name + ": write did not finish within " + timeoutMillis + " ms", e);
        }
    }

    synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
