package vn.motcua.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;
import vn.motcua.common.json.Json;

/** Listens to a kiosk's {@code /api/stream} and keeps every event, for tests to wait on. */
public final class SseClient implements AutoCloseable {
    /** One server-sent event. */
    public record Event(String name, JsonNode data) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean connected;

    public SseClient(String baseUrl) {
        response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + "/api/stream")).build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            String[] name = {"message"};
            r.body().forEach(line -> {
                if (line.startsWith(": connected")) {
                    connected = true;
                } else if (line.startsWith("event: ")) {
                    name[0] = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    add(new Event(name[0], parse(line.substring(6))));
                }
            });
        });
    }

    /** Waits until the server has registered this client. */
    public SseClient awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!connected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!connected) {
            throw new AssertionError("event stream did not connect");
        }
        return this;
    }

    public List<Event> events(String name) {
        synchronized (events) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }
    }

    /** Waits for an event of this name whose data matches, or fails after the timeout with what came. */
    public Event await(String name, Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Event e : events) {
                    if (e.name().equals(name) && p.test(e.data())) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching '" + name + "' event within " + timeout + "; got " + events);
                }
                events.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void add(Event e) {
        synchronized (events) {
            events.add(e);
            events.notifyAll();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            return Json.object().put("unparsed", text);
        }
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
