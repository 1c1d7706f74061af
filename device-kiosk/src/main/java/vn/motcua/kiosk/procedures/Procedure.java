package vn.motcua.kiosk.procedures;

import java.util.List;
import java.util.Objects;

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
}
