package vn.motcua.ticket.escpos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import vn.motcua.common.json.Json;

/** The printer models known to the driver, read from JSON data (the bundled printer-profiles.json by default). */
public final class PrinterProfiles {
    private static final String BUNDLED = "printer-profiles.json";
    private final Map<String, PrinterProfile> byId;

    private PrinterProfiles(Map<String, PrinterProfile> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The profiles bundled with the runtime. */
    public static PrinterProfiles bundled() {
        try (InputStream in = PrinterProfiles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + BUNDLED, e);
        }
    }

    /** Reads profiles from a JSON document shaped like the bundled one. */
    public static PrinterProfiles load(InputStream json) throws IOException {
        JsonNode root = Json.parse(json.readAllBytes());
        Map<String, PrinterProfile> map = new LinkedHashMap<>();
        for (JsonNode p : root.path("profiles")) {
            JsonNode page = p.path("vietnameseCodePage");
            PrinterProfile profile = new PrinterProfile(
                    p.path("id").asText(),
                    p.path("paperDots").asInt(),
                    p.path("columns").asInt(),
                    page.isInt() ? OptionalInt.of(page.asInt()) : OptionalInt.empty(),
                    PrintMode.fromWire(p.path("mode").asText()),
                    p.path("nativeQr").asBoolean(false),
                    CutMode.fromWire(p.path("cut").asText("full")));
            map.put(profile.id(), profile);
        }
        return new PrinterProfiles(map);
    }

    /** The profile of a model id such as {@code xprinter-80}; IllegalArgumentException naming the known ids otherwise. */
    public PrinterProfile get(String id) {
        PrinterProfile p = byId.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown printer model '" + id + "', known: " + String.join(", ", byId.keySet()));
        }
        return p;
    }

    public Map<String, PrinterProfile> all() {
        return byId;
    }
}
