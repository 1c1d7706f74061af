package vn.motcua.office.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import vn.motcua.common.json.Json;
import vn.motcua.office.coap.CoapLink;
import vn.motcua.office.coap.CoapReply;

/** The virtual printer's output as the panel shows it: the last printed document's text and picture. */
public final class PrinterOutput {
    private static final int SLOW_EVERY = 5;

    private final CoapLink coap;
    private volatile String lastText = "";
    private volatile int count;
    private volatile long printed;
    private volatile byte[] png;
    private volatile String state = "ok";
    private int ticks;

    PrinterOutput(CoapLink coap) {
        this.coap = coap;
    }

    /** Reads the printer's state; the printed documents now when {@code busy}, else every few polls; the picture when it changed. */
    synchronized void refresh(int port, boolean busy) {
        coap.get(port, "sim/printer-state").filter(CoapReply::success).map(r -> r.text().strip())
                .filter(PanelActions.PRINTER_STATES::contains).ifPresent(this::stateSet);
        if (!busy && ticks++ % SLOW_EVERY != 0) {
            return;
        }
        Optional<CoapReply> reply = coap.get(port, "sim/printer").filter(CoapReply::success);
        if (reply.isEmpty()) {
            return;
        }
        JsonNode docs;
        try {
            docs = Json.parse(reply.get().text()).path("documents");
        } catch (Exception e) {
            return;
        }
        String text = docs.size() == 0 ? "" : docs.get(docs.size() - 1).path("text").asText("");
        if (docs.size() != count || !text.equals(lastText)) {
            count = docs.size();
            lastText = text;
            printed++;
            png = coap.get(port, "sim/printer/last.png").filter(CoapReply::success)
                    .map(CoapReply::payload).filter(b -> b.length > 8).orElse(null);
        }
    }

    ObjectNode view() {
        return Json.object().put("text", lastText).put("printed", printed).put("documents", count).put("png", png != null)
                .put("state", state);
    }

    /** The virtual printer's state (paper, cover, link) as last read or put, so every browser's switch shows it. */
    void stateSet(String newState) {
        state = newState;
    }

    /** The last ticket as a PNG, when the printer offers one. */
    public Optional<byte[]> png() {
        return Optional.ofNullable(png);
    }
}
