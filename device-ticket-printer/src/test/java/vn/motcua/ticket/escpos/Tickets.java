package vn.motcua.ticket.escpos;

import java.util.List;
import vn.motcua.ticket.printer.TicketDocument;

/** Ticket fixtures shared by the driver, transport and simulator tests. */
public final class Tickets {
    public static final String HEADER = "Ủy ban nhân dân phường Định Công";
    public static final String QR = "https://dichvucong.hanoi.gov.vn/q/A012";

    private Tickets() {
    }

    public static TicketDocument.Builder typical() {
        return TicketDocument.builder()
                .header(List.of(HEADER, "Bộ phận một cửa"))
                .ticket("A012")
                .serviceName("Hộ tịch")
                .issuedAt("23/11/2026 08:15")
                .footer(List.of("Vui lòng chờ đến lượt", "Xin cảm ơn quý khách!"));
    }

    public static PrinterProfile profile(String id) {
        return PrinterProfiles.bundled().get(id);
    }
}
