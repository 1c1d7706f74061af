package vn.motcua.office.panel;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tinylog.Logger;

/** The browsers listening to {@code /api/stream}: server-sent events written to each open response. */
final class SseHub {
    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

    /** Answers the request with an event stream, sends {@code first} and keeps the response open. */
    void open(HttpExchange exchange, String first) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        if (write(exchange, frame("state", first))) {
            clients.add(exchange);
        }
    }

    /** Sends one event to every browser; a browser that went away is dropped. */
    void broadcast(String event, String data) {
        byte[] frame = frame(event, data);
        for (HttpExchange c : clients) {
            if (!write(c, frame)) {
                clients.remove(c);
            }
        }
    }

    /** A comment line that keeps idle connections (and proxies) from timing out. */
    void keepAlive() {
        for (HttpExchange c : clients) {
            if (!write(c, ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8))) {
                clients.remove(c);
            }
        }
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.forEach(HttpExchange::close);
        clients.clear();
    }

    private static byte[] frame(String event, String data) {
        return ("event: " + event + "\ndata: " + data.replace("\n", "\ndata: ") + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static boolean write(HttpExchange exchange, byte[] bytes) {
        try {
            OutputStream out = exchange.getResponseBody();
            synchronized (exchange) {
                out.write(bytes);
                out.flush();
            }
            return true;
        } catch (IOException e) {
            Logger.debug("a browser left the event stream: {}", e.getMessage());
            exchange.close();
            return false;
        }
    }
}
