package vn.motcua.ticket.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.motcua.ticket.escpos.EscPosCommands;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.printer.PrinterCondition;

class VirtualPrinterTest {
    private final PrinterProfile profile = Tickets.profile("epson-tm-t82");
    private final VirtualPrinter printer = new VirtualPrinter(profile, Clock.systemUTC());
    private final EscPosPrinter escpos = new EscPosPrinter(printer, profile, Duration.ofMillis(200));

    @Test
    void decodes_bytes_that_arrive_one_at_a_time() {
        byte[] bytes = escpos.render(Tickets.typical().qrContent(Tickets.QR).build());
        for (byte b : bytes) {
            printer.write(new byte[] {b});
        }
        assertThat(printer.documents()).singleElement().satisfies(d -> {
            assertThat(d.text()).contains(Tickets.HEADER, "A012", "Hộ tịch");
            assertThat(d.qrContents()).containsExactly(Tickets.QR);
        });
    }

    @Test
    void each_cut_ends_a_document_and_the_last_hundred_are_kept() {
        byte[] bytes = escpos.render(Tickets.typical().build());
        for (int i = 0; i < 103; i++) {
            printer.write(bytes);
        }
        assertThat(printer.documents()).hasSize(VirtualPrinter.KEPT_DOCUMENTS);
    }

    @Test
    void tells_listeners_about_each_new_document() throws Exception {
        List<PrintedDocument> seen = new ArrayList<>();
        printer.addListener(seen::add);
        escpos.print(Tickets.typical().build());
        escpos.print(Tickets.typical().ticket("A013").build());
        assertThat(seen).extracting(d -> d.text().lines().anyMatch("A013"::equals)).containsExactly(false, true);
    }

    @Test
    void prints_nothing_while_the_cover_is_open() {
        printer.setCondition(PrinterCondition.COVER_OPEN);
        printer.write(escpos.render(Tickets.typical().build()));
        printer.setCondition(PrinterCondition.OK);
        assertThat(printer.documents()).isEmpty();
    }

    @Test
    void answers_status_queries_like_a_printer_and_stays_silent_when_offline() {
        byte[] answer = new byte[4];
        printer.setCondition(PrinterCondition.PAPER_NEAR_END);
        printer.write(new byte[] {0x10, 0x04, 4});
        assertThat(printer.read(answer, 100)).isEqualTo(1);
        assertThat(answer[0]).isEqualTo((byte) 0x1E);
        printer.setCondition(PrinterCondition.OFFLINE);
        printer.write(new byte[] {0x10, 0x04, 1});
        assertThat(printer.read(answer, 50)).isZero();
    }

    @Test
    void shows_raster_lines_as_placeholders_in_the_text() {
        PrinterProfile raster = Tickets.profile("xprinter-58");
        VirtualPrinter paper = new VirtualPrinter(raster, Clock.systemUTC());
        paper.write(new EscPosPrinter(paper, raster, Duration.ofMillis(100)).render(Tickets.typical().build()));
        assertThat(paper.documents().get(0).text()).containsPattern("\\[raster 384x\\d+]").contains("A012");
    }

    @Test
    void renders_a_ticket_as_a_png_as_wide_as_the_paper() throws Exception {
        escpos.print(Tickets.typical().priority(true).qrContent(Tickets.QR).build());
        byte[] png = printer.renderPng(printer.documents().get(0));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(576);
        assertThat(image.getHeight()).isGreaterThan(400);
    }

    @Test
    void ignores_unknown_commands_and_keeps_decoding() {
        byte[] bytes = new EscPosCommands().init().asciiLine("before").bytes();
        printer.write(bytes);
        printer.write(new byte[] {0x1B, 'M', 1, 0x1D, 'L', 0, 0, 0x1C, '.'});
        printer.write(new EscPosCommands().asciiLine("after").cut(profile.cut()).bytes());
        assertThat(printer.documents().get(0).text().lines()).containsExactly("before", "after");
    }
}
