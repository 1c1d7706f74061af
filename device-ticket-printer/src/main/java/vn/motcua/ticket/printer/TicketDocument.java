package vn.motcua.ticket.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes on one printed ticket, as Unicode text; the driver decides how it is laid out and encoded. {@code notes}
 * are printed under the time (the people ahead and the estimated wait).
 */
public record TicketDocument(
        List<String> header,
        String ticket,
        String serviceName,
        boolean priority,
        String issuedAt,
        List<String> notes,
        List<String> footer,
        Optional<String> qrContent) {

    public TicketDocument {
        header = List.copyOf(header);
        notes = List.copyOf(notes);
        Objects.requireNonNull(ticket, "ticket");
        serviceName = serviceName == null ? "" : serviceName;
        issuedAt = issuedAt == null ? "" : issuedAt;
        footer = List.copyOf(footer);
        qrContent = qrContent == null ? Optional.empty() : qrContent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A test page for {@code POST /actions/test-print}: the header and a sample of Vietnamese text. */
    public static TicketDocument test(List<String> header, String issuedAt) {
        return builder()
                .header(header)
                .ticket("A000")
                .serviceName("In thử / Test print")
                .issuedAt(issuedAt)
                .footer(List.of("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đđ", "Ơờớởỡợ Ưừứửữự ýỳỷỹỵ"))
                .build();
    }

    /** Builds a {@link TicketDocument}; only the ticket text is required. */
    public static final class Builder {
        private final List<String> header = new ArrayList<>();
        private String ticket;
        private String serviceName = "";
        private boolean priority;
        private String issuedAt = "";
        private final List<String> notes = new ArrayList<>();
        private final List<String> footer = new ArrayList<>();
        private String qrContent;

        public Builder header(List<String> lines) {
            header.addAll(lines);
            return this;
        }

        public Builder ticket(String ticket) {
            this.ticket = ticket;
            return this;
        }

        public Builder serviceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        public Builder priority(boolean priority) {
            this.priority = priority;
            return this;
        }

        public Builder issuedAt(String issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder note(String line) {
            notes.add(line);
            return this;
        }

        public Builder footer(List<String> lines) {
            footer.addAll(lines);
            return this;
        }

        public Builder qrContent(String qrContent) {
            this.qrContent = qrContent;
            return this;
        }

        public TicketDocument build() {
            return new TicketDocument(header, ticket, serviceName, priority, issuedAt, notes, footer,
                    Optional.ofNullable(qrContent).filter(s -> !s.isBlank()));
        }
    }
}
