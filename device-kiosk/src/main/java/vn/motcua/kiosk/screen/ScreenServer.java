package vn.motcua.kiosk.screen;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * The kiosk screen's HTTP server on loopback only (SPEC section 10), on the JDK's built-in server with a small
 * bounded pool (a connection that finds the queue full is closed by the server): the page, its API and the event
 * stream. {@link #start()} throws when the port cannot be bound.
 */
public final class ScreenServer {
    public static final int DEFAULT_PORT = 8090;
    static final int THREADS = 4;
    static final int QUEUE = 32;

    private final int requestedPort;
    private final EventStream events;
    private final KioskScreen kiosk;
    private final ThreadFactory threads;
    private HttpServer server;
    private ThreadPoolExecutor pool;

    /**
     * A server for {@code kiosk} on {@code 127.0.0.1:port} (0 picks a free port), streaming what the kiosk publishes
     * to {@code events}; the stream is made first, so the kiosk and the server each get the other's half whole. Its
     * request threads are made by {@code threads}.
     */
    public ScreenServer(int port, KioskScreen kiosk, EventStream events, ThreadFactory threads) {
        this.threads = threads;
        this.requestedPort = port;
        this.kiosk = kiosk;
        this.events = events;
    }

    public synchronized void start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 16);
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), threads,
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        s.setExecutor(pool);
        s.createContext("/api/stream", events);
        s.createContext("/api/", new ApiHandler(kiosk));
        s.createContext("/", new StaticHandler(kiosk));
        events.start();
        s.start();
        server = s;
        Logger.info("kiosk screen on http://127.0.0.1:{}/", port());
    }

    /** The port bound, or -1 before a successful start. */
    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Sends the keep-alive comment to every connected screen. */
    public void keepAlive() {
        events.keepAlive();
    }

    public int clients() {
        return events.clients();
    }

    public synchronized void stop() {
        events.stop();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
