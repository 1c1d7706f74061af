package vn.motcua.kiosk.screen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import vn.motcua.common.json.Json;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.SearchResult;

/** The screen's JSON API under {@code /api/}: procedures, fields, state and keyboard-wedge scans. */
final class ApiHandler implements HttpHandler {
    static final int DEFAULT_LIMIT = 20;
    private static final String PROCEDURES = "/api/procedures";

    private final KioskScreen kiosk;

    ApiHandler(KioskScreen kiosk) {
        this.kiosk = kiosk;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/api/dossier")) {
            dossier(exchange);
        } else if (!method.equals("GET")) {
            HttpIo.error(exchange, 405, "method not allowed");
        } else if (path.equals(PROCEDURES)) {
            procedures(exchange, HttpIo.query(exchange));
        } else if (path.startsWith(PROCEDURES + "/")) {
            procedure(exchange, path.substring(PROCEDURES.length() + 1));
        } else if (path.equals("/api/fields")) {
            fields(exchange);
        } else if (path.equals("/api/state")) {
            HttpIo.json(exchange, 200, kiosk.state());
        } else {
            HttpIo.error(exchange, 404, "no such resource");
        }
    }

    private void procedures(HttpExchange exchange, Map<String, String> params) throws IOException {
        ObjectNode body = Json.object();
        ArrayNode results = body.putArray("results");
        int limit = HttpIo.intParam(params, "limit", DEFAULT_LIMIT);
        if (params.containsKey("field")) {
            kiosk.inField(params.get("field")).stream().limit(Math.max(1, Math.min(limit, 2000))).forEach(p ->
                    results.addObject().put("id", p.id()).put("title", p.title()).put("field", p.field()).put("score", 0));
        } else {
            for (SearchResult r : kiosk.search(params.getOrDefault("q", ""), limit)) {
                results.addObject().put("id", r.id()).put("title", r.title()).put("field", r.field()).put("score", r.score());
            }
        }
        HttpIo.json(exchange, 200, body);
    }

    private void procedure(HttpExchange exchange, String rawId) throws IOException {
        Optional<Procedure> p = kiosk.open(HttpIo.decode(rawId));
        if (p.isEmpty()) {
            HttpIo.error(exchange, 404, "no procedure with this id");
            return;
        }
        HttpIo.json(exchange, 200, p.get().toJson());
    }

    private void fields(HttpExchange exchange) throws IOException {
        ObjectNode body = Json.object();
        ArrayNode fields = body.putArray("fields");
        kiosk.fields().forEach(f -> fields.addObject().put("field", f.field()).put("count", f.count()));
        HttpIo.json(exchange, 200, body);
    }

    private void dossier(HttpExchange exchange) throws IOException {
        String text = HttpIo.body(exchange);
        if (text == null) {
            HttpIo.error(exchange, 413, "a scan is at most " + HttpIo.MAX_BODY + " bytes");
            return;
        }
        kiosk.wedgeScan(text);
        HttpIo.json(exchange, 202, Json.object().put("accepted", true));
    }
}
