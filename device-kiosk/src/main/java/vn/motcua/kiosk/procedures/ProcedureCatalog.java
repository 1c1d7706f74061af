package vn.motcua.kiosk.procedures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable set of procedures a kiosk offers, browsable by field and addressable by id. */
public final class ProcedureCatalog {
    private final List<Procedure> procedures;
    private final Map<String, Procedure> byId;
    private final Map<String, List<Procedure>> byField;

    private ProcedureCatalog(List<Procedure> procedures) {
        this.procedures = List.copyOf(procedures);
        Map<String, Procedure> ids = new LinkedHashMap<>();
        Map<String, List<Procedure>> fields = new LinkedHashMap<>();
        for (Procedure p : this.procedures) {
            if (ids.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate procedure id: " + p.id());
            }
            fields.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(p);
        }
        fields.replaceAll((f, list) -> List.copyOf(list));
        this.byId = Collections.unmodifiableMap(ids);
        this.byField = Collections.unmodifiableMap(fields);
    }

    /** Builds a catalog; ids must be unique. */
    public static ProcedureCatalog of(List<Procedure> procedures) {
        return new ProcedureCatalog(procedures);
    }

    public static ProcedureCatalog empty() {
        return new ProcedureCatalog(List.of());
    }

    /** Every procedure in catalog order. */
    public List<Procedure> all() {
        return procedures;
    }

    public int size() {
        return procedures.size();
    }

    public Optional<Procedure> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The fields in the order they first appear in the catalog, each with its number of procedures. */
    public List<FieldCount> fields() {
        List<FieldCount> result = new ArrayList<>(byField.size());
        byField.forEach((field, list) -> result.add(new FieldCount(field, list.size())));
        return List.copyOf(result);
    }

    /** The procedures of one field in catalog order; empty for an unknown field. */
    public List<Procedure> inField(String field) {
        return byField.getOrDefault(field, List.of());
    }
}
