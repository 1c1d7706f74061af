package vn.motcua.ticket.numbering;

/** One allocated ticket: its service, number and business day, and the printed text such as {@code A012}. */
public record TicketNumber(String service, int number, int digits, boolean priority, java.time.LocalDate businessDay) {

    /** The ticket as printed and published: the service code and the number zero-padded to {@code digits}. */
    public String text() {
        return service + String.format(java.util.Locale.ROOT, "%0" + digits + "d", number);
    }
}
