package vn.motcua.kiosk.screen;

import com.fasterxml.jackson.databind.JsonNode;

/** Pushes live updates to the kiosk's screen (server-sent events of {@code GET /api/stream}). */
public interface ScreenEvents {
    /** Sends one event to every connected screen; never blocks on a slow or gone client. */
    void publish(String event, JsonNode data);
}
