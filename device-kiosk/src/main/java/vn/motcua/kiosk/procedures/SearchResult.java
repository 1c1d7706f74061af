package vn.motcua.kiosk.procedures;

/** One search hit as {@code GET /api/procedures} lists it; a higher score is a better match. */
public record SearchResult(String id, String title, String field, double score) {
}
