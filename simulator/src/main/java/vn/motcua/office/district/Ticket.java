package vn.motcua.office.district;

import java.time.Instant;
import java.time.LocalDate;

/** A ticket the printer issued, as the district learnt it from a {@code ticket.issued} event. */
public record Ticket(String ticket, String service, boolean priority, Instant issuedAt, LocalDate businessDay) {
}
