package vn.motcua.kiosk.procedures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.motcua.common.json.Json;

/**
 * One administrative procedure as the kiosk config's {@code procedures} items describe it (SPEC section 6).
 *
 * @param id           stable identifier, e.g. {@code HT-001}
 * @param title        the procedure's official Vietnamese name
 * @param field        the field it belongs to, e.g. {@code Hộ tịch}
 * @param durationDays processing time in working days (0: the same day)
 * @param fee          the fee as display text, e.g. {@code Miễn phí} or {@code 50.000 đồng/bản}
 * @param documents    the documents a citizen brings, in display order
 */
public record Procedure(String id, String title, String field, int durationDays, String fee, List<String> documents) {

    public Procedure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(field, "field");
        if (durationDays < 0) {
            throw new IllegalArgumentException("durationDays must not be negative: " + durationDays);
        }
        fee = fee == null ? "" : fee;
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** The shape of the config's items, the sample file's and the screen API's: the fields in declaration order. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object().put("id", id).put("title", title).put("field", field)
                .put("durationDays", durationDays).put("fee", fee);
        documents.forEach(json.putArray("documents")::add);
        return json;
    }

    /** A procedure of that shape, from a source already checked (the module's sample); the config validates its own. */
    public static Procedure fromJson(JsonNode json) {
        List<String> documents = new ArrayList<>();
        json.path("documents").forEach(d -> documents.add(d.asText()));
        return new Procedure(json.path("id").asText(), json.path("title").asText(), json.path("field").asText(),
                json.path("durationDays").asInt(), json.path("fee").asText(), documents);
    }
}
