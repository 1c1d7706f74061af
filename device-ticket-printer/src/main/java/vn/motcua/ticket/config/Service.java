package vn.motcua.ticket.config;

/** One service the printer issues tickets for: its letter, name, button and number range. */
public record Service(String code, String name, String button, int from, int to, boolean priority) {
    /** Digits of the printed number: 3, or 4 when the range goes past 999. */
    public int digits() {
        return to > 999 ? 4 : 3;
    }
}
