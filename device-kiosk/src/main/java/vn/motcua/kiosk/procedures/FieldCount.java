package vn.motcua.kiosk.procedures;

/** A field of the catalog with the number of procedures in it, for the browsing screen. */
public record FieldCount(String field, int count) {
}
