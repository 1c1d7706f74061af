package vn.motcua.kiosk.screen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import vn.motcua.kiosk.config.KioskMode;

/** {@code GET /} (the page of the configured mode) and {@code GET /static/NAME} (its CSS and scripts), from resources. */
final class StaticHandler implements HttpHandler {
    static final String BASE = "/vn/motcua/kiosk/screen/";
    private static final Map<String, String> FILES = Map.of(
            "kiosk.css", "text/css; charset=utf-8",
            "lookup.js", "text/javascript; charset=utf-8",
            "hall.js", "text/javascript; charset=utf-8",
            "common.js", "text/javascript; charset=utf-8");

    private final KioskScreen kiosk;

    StaticHandler(KioskScreen kiosk) {
        this.kiosk = kiosk;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET")) {
            HttpIo.error(exchange, 405, "method not allowed");
        } else if (path.equals("/")) {
            String page = kiosk.mode() == KioskMode.HALL_DISPLAY ? "hall.html" : "lookup.html";
            HttpIo.send(exchange, 200, "text/html; charset=utf-8", resource(page));
        } else if (path.startsWith("/static/") && FILES.containsKey(path.substring(8))) {
            String name = path.substring(8);
            HttpIo.send(exchange, 200, FILES.get(name), resource(name));
        } else {
            HttpIo.error(exchange, 404, "no such page");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StaticHandler.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("missing screen resource " + name);
            }
            return in.readAllBytes();
        }
    }
}
