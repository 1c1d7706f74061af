package vn.motcua.kiosk.screen;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import vn.motcua.common.json.Json;

/** Small helpers to read requests and answer them on the JDK's HTTP server. */
final class HttpIo {
    static final int MAX_BODY = 4096;

    private HttpIo() {
    }

    static void json(HttpExchange exchange, int status, JsonNode tree) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", Json.write(tree).getBytes(StandardCharsets.UTF_8));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Json.object().put("error", message));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The query parameters, decoded as UTF-8; later duplicates win. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.put(decode(name), decode(value));
            } catch (IllegalArgumentException malformed) {
                // a malformed %-escape: the parameter is left out
            }
        }
        return params;
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The request body as UTF-8 text, or null when it is longer than {@link #MAX_BODY} bytes. */
    static String body(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BODY) {
                    return null;
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int intParam(Map<String, String> params, String name, int dflt) {
        try {
            return Integer.parseInt(params.getOrDefault(name, String.valueOf(dflt)).strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
