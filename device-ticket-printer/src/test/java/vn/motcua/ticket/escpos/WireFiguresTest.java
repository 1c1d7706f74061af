package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.ticket.printer.TicketDocument;

/** Writes the bytes-on-wire figures quoted in README-printer.md to target/printer-wire-figures.txt. */
class WireFiguresTest {
    private static final int BAUD = 115200;

    @Test
    void raster_mode_costs_more_bytes_than_code_page_mode_and_figures_are_written() throws IOException {
        TicketDocument ticket = Tickets.typical().priority(true).build();
        TicketDocument withQr = Tickets.typical().priority(true).qrContent(Tickets.QR).build();
        PrinterProfile t82 = Tickets.profile("epson-tm-t82");
        List<String> lines = new ArrayList<>();
        lines.add("ticket: 2 header lines, A012, service, ƯU TIÊN, date, 2 footer lines; 10 bits per byte at " + BAUD + " baud");
        int codePage = row(lines, "codepage 80 mm (epson-tm-t82)", t82, ticket);
        row(lines, "codepage 80 mm + native QR", t82, withQr);
        int raster80 = row(lines, "raster 80 mm (xprinter-80)", Tickets.profile("xprinter-80"), ticket);
        row(lines, "raster 80 mm + native QR", Tickets.profile("xprinter-80"), withQr);
        row(lines, "raster 58 mm (xprinter-58)", Tickets.profile("xprinter-58"), ticket);
        row(lines, "raster 58 mm + raster QR (generic-58-raster)", Tickets.profile("generic-58-raster"), withQr);
        Path out = Path.of("target", "printer-wire-figures.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        assertThat(raster80).isGreaterThan(codePage * 10);
    }

    private static int row(List<String> lines, String label, PrinterProfile profile, TicketDocument doc) {
        int bytes = new TicketLayout(profile).render(doc).length;
        lines.add(String.format("%-46s %7d bytes %8.0f ms", label, bytes, bytes * 10_000.0 / BAUD));
        return bytes;
    }
}
