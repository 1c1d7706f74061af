package vn.motcua.ticket.config;

import java.util.List;
import java.util.Optional;

/** The office's texts printed on every ticket, and an optional QR link with a {ticket} placeholder. */
public record TicketTexts(List<String> header, List<String> footer, Optional<String> qrUrl) {
    public static TicketTexts none() {
        return new TicketTexts(List.of(), List.of(), Optional.empty());
    }
}
