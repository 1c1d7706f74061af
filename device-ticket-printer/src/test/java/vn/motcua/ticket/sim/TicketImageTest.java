package vn.motcua.ticket.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.TicketLayout;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.printer.TicketDocument;

class TicketImageTest {
    @ParameterizedTest
    @ValueSource(strings = {"epson-tm-t82", "xprinter-80", "xprinter-58"})
    void the_ticket_image_shows_every_line_inside_the_paper(String model) throws IOException {
        PrinterProfile profile = Tickets.profile(model);
        VirtualPrinter paper = new VirtualPrinter(profile, Clock.systemUTC());
        paper.write(new TicketLayout(profile).render(TicketDocument.builder()
                .header(List.of("Ủy ban nhân dân phường Định Công", "Bộ phận Một cửa"))
                .ticket("D001")
                .serviceName("Kinh doanh – Hộ kinh doanh")
                .issuedAt("23/11/2026 08:15")
                .note("Trước quý khách còn 3 người")
                .note("Thời gian chờ dự kiến: khoảng 9 phút")
                .footer(List.of("Cảm ơn quý khách đã chờ"))
                .build()));
        byte[] png = paper.renderPng(paper.documents().get(0));
        Path out = Path.of("target", "tmp", "ticket-" + model + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(profile.paperDots());
        assertThat(darkAt(image, 0) || darkAt(image, image.getWidth() - 1))
                .as("ink at the paper's edge: a line runs off the ticket (%s)", out).isFalse();
    }

    private static boolean darkAt(BufferedImage image, int x) {
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(x, y);
            int grey = ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
            if (grey < 128) {
                return true;
            }
        }
        return false;
    }
}
