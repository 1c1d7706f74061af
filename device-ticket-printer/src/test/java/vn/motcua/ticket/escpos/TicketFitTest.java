package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.common.hardware.AsciiFold;
import vn.motcua.ticket.printer.TicketDocument;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;

/** Every line of a ticket fits the paper, on 58 and 80 mm, in code page and raster modes, with real long names. */
class TicketFitTest {
    /** Real office and procedure titles (the national public service portal's wording), 60 letters and more. */
    static final String OFFICE = "Bộ phận Tiếp nhận và Trả kết quả giải quyết thủ tục hành chính Ủy ban nhân dân phường Định Công";
    static final String DISTRICT = "Ủy ban nhân dân quận Hoàng Mai, thành phố Hà Nội";
    static final String SERVICE = "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất";
    static final String SHORT_SERVICE = "Kinh doanh – Hộ kinh doanh";
    static final String LONG_WORD_FOOTER = "Tra cứu: https://dichvucong.hanoi.gov.vn/tra-cuu-ho-so-truc-tuyen";

    private static TicketDocument ticket(String service) {
        return TicketDocument.builder()
                .header(List.of(OFFICE, DISTRICT))
                .ticket("D001")
                .serviceName(service)
                .priority(true)
                .issuedAt("23/11/2026 08:15")
                .note("Trước quý khách còn 12 người")
                .note("Thời gian chờ dự kiến: khoảng 36 phút")
                .footer(List.of("Cảm ơn quý khách đã chờ", LONG_WORD_FOOTER))
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"epson-tm-t82", "xprinter-80", "xprinter-58", "generic-58-raster"})
    void no_line_is_wider_than_the_paper_and_every_word_is_printed(String model) {
        PrinterProfile profile = Tickets.profile(model);
        for (String service : List.of(SERVICE, SHORT_SERVICE)) {
            TicketDocument doc = ticket(service);
            PrintedDocument printed = print(profile, doc);
            List<String> textLines = new ArrayList<>();
            for (PrintedDocument.Block block : printed.blocks()) {
                if (block instanceof PrintedDocument.TextLine t) {
                    assertThat(t.text().codePointCount(0, t.text().length()) * t.width())
                            .as("columns of '%s' at width x%d", t.text(), t.width()).isLessThanOrEqualTo(profile.columns());
                    textLines.add(t.text());
                } else if (block instanceof PrintedDocument.Raster r) {
                    assertThat(r.image().widthDots()).isEqualTo(profile.paperDots());
                    assertThat(inkAtEdges(r)).as("a raster line touches the paper's edge (clipped)").isFalse();
                }
            }
            List<String> rasterLines = rasterLines(doc, profile);
            String all = String.join(" ", textLines) + " " + String.join(" ", rasterLines);
            assertThat(all.split(" ")).as("every word of the ticket, whole").contains(words(doc));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {384, 576})
    void a_raster_line_is_measured_with_the_font_it_is_drawn_in_and_fits(int paperDots) {
        for (String text : List.of(OFFICE, SERVICE, SHORT_SERVICE, LONG_WORD_FOOTER)) {
            for (int pixels : List.of(24, 48)) {
                RasterText.Layout laid = RasterText.layout(text, paperDots, pixels, true);
                assertThat(laid.lines()).allSatisfy(line -> assertThat(laid.width(line))
                        .isLessThanOrEqualTo(paperDots - 2 * RasterText.MARGIN_DOTS));
                assertThat(String.join(" ", laid.lines()).replace(" ", ""))
                        .isEqualTo(text.replace(" ", ""));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {384, 576})
    void words_are_never_broken_when_they_fit_and_a_too_wide_word_shrinks_the_line_first(int paperDots) {
        RasterText.Layout service = RasterText.layout(SHORT_SERVICE, paperDots, 48, true);
        assertThat(service.lines()).allSatisfy(line -> assertThat(SHORT_SERVICE.split(" ")).contains(line.split(" ")));
        assertThat(service.font().getSize()).isEqualTo(48);

        RasterText.Layout url = RasterText.layout(LONG_WORD_FOOTER, paperDots, 24, false);
        assertThat(url.font().getSize()).isEqualTo(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epson-tm-t82", "xprinter-58"})
    void a_text_line_wraps_at_word_boundaries_in_the_printer_font(String model) {
        PrinterProfile profile = Tickets.profile(model);
        String ascii = AsciiFold.fold(SERVICE);
        PrintedDocument printed = print(profile, TicketDocument.builder().ticket("A001").serviceName(ascii).build());
        List<PrintedDocument.TextLine> lines = printed.blocks().stream()
                .filter(b -> b instanceof PrintedDocument.TextLine t && t.height() == 2).map(b -> (PrintedDocument.TextLine) b)
                .toList();

        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> {
            assertThat(line.text().length()).isLessThanOrEqualTo(profile.columns());
            assertThat(ascii.split(" ")).contains(line.text().split(" "));
        });
        assertThat(lines.stream().map(PrintedDocument.TextLine::text).collect(Collectors.joining(" "))).isEqualTo(ascii);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epson-tm-t82", "xprinter-58"})
    void a_word_too_wide_at_4x_prints_one_size_smaller_rather_than_broken(String model) {
        PrinterProfile profile = Tickets.profile(model);
        String word = "X".repeat(profile.columns() / 4 + 1);
        PrintedDocument wide = print(profile, TicketDocument.builder().ticket(word).build());

        assertThat(wide.blocks()).filteredOn(b -> b instanceof PrintedDocument.TextLine t && !t.text().isEmpty())
                .singleElement().satisfies(b -> {
                    PrintedDocument.TextLine t = (PrintedDocument.TextLine) b;
                    assertThat(t.text()).isEqualTo(word);
                    assertThat(t.width()).isEqualTo(3);
                });
    }

    private static PrintedDocument print(PrinterProfile profile, TicketDocument doc) {
        VirtualPrinter paper = new VirtualPrinter(profile, Clock.systemUTC());
        paper.write(new TicketLayout(profile).render(doc));
        assertThat(paper.documents()).hasSize(1);
        return paper.documents().get(0);
    }

    /** The lines the rasters of this ticket carry, as laid out (the virtual printer sees only their dots). */
    private static List<String> rasterLines(TicketDocument doc, PrinterProfile profile) {
        if (profile.mode() != PrintMode.RASTER) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : allLines(doc)) {
            out.addAll(RasterText.layout(TextSanitizer.clean(line), profile.paperDots(), 24, false).lines());
        }
        return out;
    }

    private static List<String> allLines(TicketDocument doc) {
        List<String> all = new ArrayList<>(doc.header());
        all.add(doc.serviceName());
        all.add("ƯU TIÊN");
        all.addAll(doc.notes());
        all.addAll(doc.footer());
        return all;
    }

    private static String[] words(TicketDocument doc) {
        return allLines(doc).stream().flatMap(l -> Arrays.stream(l.split(" "))).filter(w -> !w.isEmpty())
                .filter(w -> !w.startsWith("https://")).collect(Collectors.toList()).toArray(String[]::new);
    }

    private static boolean inkAtEdges(PrintedDocument.Raster r) {
        int w = r.image().widthDots();
        for (int y = 0; y < r.image().height(); y++) {
            for (int x : new int[] {0, 1, 2, w - 3, w - 2, w - 1}) {
                if (r.image().black(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
