package vn.motcua.ticket.dispense;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.config.TicketConfig;
import vn.motcua.ticket.numbering.TicketNumber;
import vn.motcua.ticket.printer.TicketDocument;
import vn.motcua.ticket.queue.QueueBoard;

/**
 * Puts a ticket on paper: the config's header and footer, the number, service, priority mark, office time, the people
 * ahead and the estimated wait while the district's count of the service's queue is fresh, and the QR code.
 */
public final class TicketComposer {
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Clock clock;
    private final ZoneId zone;
    private final QueueBoard queues;

    public TicketComposer(Clock clock, ZoneId zone, QueueBoard queues) {
        this.clock = clock;
        this.zone = zone;
        this.queues = queues;
    }

    /** The document for an allocated ticket. */
    public TicketDocument compose(TicketConfig config, Service service, TicketNumber ticket) {
        TicketDocument.Builder doc = TicketDocument.builder()
                .header(header(config))
                .ticket(ticket.text())
                .serviceName(service.name())
                .priority(ticket.priority())
                .issuedAt(now())
                .footer(config.ticket().footer());
        queues.fresh(service.code()).ifPresent(q -> QueueTexts.lines(q, config.common().locale()).forEach(doc::note));
        config.ticket().qrUrl().ifPresent(url -> doc.qrContent(url.replace("{ticket}", ticket.text())));
        return doc.build();
    }

    /** The unnumbered test page of {@code POST /actions/test-print}. */
    public TicketDocument testPage(TicketConfig config) {
        return TicketDocument.test(header(config), now());
    }

    private String now() {
        return ISSUED.format(clock.instant().atZone(zone));
    }

    private static List<String> header(TicketConfig config) {
        if (!config.ticket().header().isEmpty() || config.common().officeName().isBlank()) {
            return config.ticket().header();
        }
        return List.of(config.common().officeName());
    }
}
