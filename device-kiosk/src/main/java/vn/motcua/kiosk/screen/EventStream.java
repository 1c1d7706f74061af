package vn.motcua.kiosk.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;

/**
 * {@code GET /api/stream}: server-sent events to every connected screen. Writes (and registering a new screen) happen
 * on one writer thread started in {@link #start()}, so a publisher never waits for a client and a new screen gets
 * every event published after its greeting; a client whose write fails is dropped.
 */
public final class EventStream implements HttpHandler, ScreenEvents {
    static final int MAX_CLIENTS = 8;

    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads;
    private ExecutorService writer;

    /** A stream whose writer thread is made by {@code threads} when its server starts. */
    public EventStream(ThreadFactory threads) {
        this.threads = threads;
    }

    void start() {
        writer = Executors.newSingleThreadExecutor(threads);
    }

    void stop() {
        if (writer != null) {
            writer.shutdownNow();
            try {
                writer.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clients.forEach(HttpExchange::close);
        clients.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            HttpIo.error(exchange, 503, "too many screens connected");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        byte[] hello = "retry: 2000\n: connected\n\n".getBytes(StandardCharsets.UTF_8);
        try {
            writer.execute(() -> {
                clients.add(exchange);
                write(exchange, hello);
                Logger.info("screen connected to the event stream ({} connected)", clients.size());
            });
        } catch (RejectedExecutionException e) {
            exchange.close();
        }
    }

    @Override
    public void publish(String event, JsonNode data) {
        send("event: " + event + "\ndata: " + Json.write(data) + "\n\n");
    }

    /** A comment line that keeps proxies and the browser from timing the stream out, and finds gone clients. */
    void keepAlive() {
        send(": keep-alive\n\n");
    }

    int clients() {
        return clients.size();
    }

    private void send(String frame) {
        ExecutorService w = writer;
        if (w == null || w.isShutdown() || clients.isEmpty()) {
            return;
        }
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        try {
            w.execute(() -> clients.forEach(c -> write(c, bytes)));
        } catch (RejectedExecutionException e) {
            Logger.debug("event stream stopped; not sending");
        }
    }

    private void write(HttpExchange client, byte[] bytes) {
        try {
            OutputStream out = client.getResponseBody();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            clients.remove(client);
            client.close();
            Logger.info("screen left the event stream ({} still connected)", clients.size());
        }
    }
}
