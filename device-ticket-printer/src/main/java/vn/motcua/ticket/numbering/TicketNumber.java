package vn.motcua.ticket.numbering;

import java.time.LocalDate;
import java.util.Locale;

/** One allocated ticket: its service, number and business day, and the printed text such as {@code A012}. */
public record TicketNumber(String service, int number, int digits, boolean priority, LocalDate businessDay) {

    /** The ticket as printed and published: the service code and the number zero-padded to {@code digits}. */
    public String text() {
        return service + String.format(Locale.ROOT, "%0" + digits + "d", number);
    }
}
