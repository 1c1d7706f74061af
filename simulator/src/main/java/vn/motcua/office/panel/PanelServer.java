package vn.motcua.office.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;
import vn.motcua.common.json.Json;

/** The web panel on the JDK's HTTP server: static page, JSON actions, and live state by server-sent events. */
public final class PanelServer {
    private static final String WEB = "/vn/motcua/office/panel/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");
    private static final Pattern PRESS = Pattern.compile("/api/devices/([a-z0-9-]+)/press");
    private static final Pattern COUNTER = Pattern.compile("/api/counters/(\\d{1,3})/(call|recall|close)");

    private final int port;
    private final PanelView view;
    private final PanelActions actions;
    private final PrinterOutput printer;
    private final SseHub hub = new SseHub();
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledFuture<?> pushTask;
    private ScheduledFuture<?> keepAliveTask;
    private volatile String lastSent = "";

    public PanelServer(int port, PanelView view, PanelActions actions, PrinterOutput printer) {
        this.port = port;
        this.view = view;
        this.actions = actions;
        this.printer = printer;
    }

    public void start(ScheduledExecutorService scheduler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 32);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "panel-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        pushTask = scheduler.scheduleWithFixedDelay(this::push, 300, 300, TimeUnit.MILLISECONDS);
        keepAliveTask = scheduler.scheduleWithFixedDelay(hub::keepAlive, 15, 15, TimeUnit.SECONDS);
        Logger.info("web panel on {}", url());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        if (pushTask != null) {
            pushTask.cancel(false);
            keepAliveTask.cancel(false);
        }
        hub.closeAll();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private void push() {
        try {
            String now = Json.write(view.snapshot());
            if (!now.equals(lastSent)) {
                lastSent = now;
                hub.broadcast("state", now);
            }
        } catch (RuntimeException e) {
            Logger.warn("could not push the panel state: {}", e.getMessage());
        }
    }

    private void handle(HttpExchange ex) {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            if (method.equals("GET") && path.equals("/api/stream")) {
                hub.open(ex, Json.write(view.snapshot()));
                return;
            }
            try (ex) {
                if (method.equals("GET")) {
                    get(ex, path);
                } else if (method.equals("POST")) {
                    post(ex, path, body(ex));
                } else {
                    send(ex, 405, "text/plain", "method not allowed");
                }
            }
        } catch (IOException | RuntimeException e) {
            Logger.warn("panel request {} failed: {}", ex.getRequestURI(), e.getMessage());
        }
    }

    private void get(HttpExchange ex, String path) throws IOException {
        if (path.equals("/api/state")) {
            json(ex, view.snapshot());
        } else if (path.equals("/api/printer/last.png")) {
            var png = printer.png();
            if (png.isPresent()) {
                ex.getResponseHeaders().set("Cache-Control", "no-store");
                send(ex, 200, "image/png", png.get());
            } else {
                send(ex, 404, "text/plain", "nothing printed yet");
            }
        } else {
            staticFile(ex, path.equals("/") ? "index.html" : path.substring(1));
        }
    }

    private void post(HttpExchange ex, String path, String body) throws IOException {
        Matcher press = PRESS.matcher(path);
        Matcher counter = COUNTER.matcher(path);
        ObjectNode result;
        if (press.matches()) {
            result = actions.press(press.group(1), body.strip());
        } else if (counter.matches()) {
            result = actions.counter(Integer.parseInt(counter.group(1)), counter.group(2));
        } else if (path.equals("/api/scan")) {
            result = actions.scan(body.strip());
        } else if (path.equals("/api/printer/state")) {
            result = actions.printerState(body.strip());
        } else {
            send(ex, 404, "text/plain", "no such action");
            return;
        }
        push();
        json(ex, result);
    }

    private void staticFile(HttpExchange ex, String name) throws IOException {
        if (!name.matches("[a-z0-9-]+\\.(html|css|js|svg|woff2|txt)")) {
            send(ex, 404, "text/plain", "not found");
            return;
        }
        try (InputStream in = PanelServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "not found");
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            send(ex, 200, TYPES.get(ext), in.readAllBytes());
        }
    }

    private static String body(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readNBytes(4096);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange ex, JsonNode tree) throws IOException {
        send(ex, 200, "application/json; charset=utf-8", Json.write(tree));
    }

    private static void send(HttpExchange ex, int code, String type, String text) throws IOException {
        send(ex, code, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int code, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }
}
