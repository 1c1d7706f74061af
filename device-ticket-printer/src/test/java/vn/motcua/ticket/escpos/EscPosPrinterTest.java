package vn.motcua.ticket.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.printer.TicketDocument;
import vn.motcua.ticket.sim.PrintedDocument;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.transport.PrinterTransport;

class EscPosPrinterTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static VirtualPrinter virtual(PrinterProfile profile) {
        return new VirtualPrinter(profile, Clock.systemUTC());
    }

    @Test
    void prints_vietnamese_intact_in_code_page_mode() throws Exception {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().priority(true).build());

        assertThat(paper.documents()).hasSize(1);
        PrintedDocument doc = paper.documents().get(0);
        assertThat(doc.text().lines()).containsSubsequence(
                Tickets.HEADER, "Bộ phận một cửa", "A012", "Hộ tịch", "ƯU TIÊN", "23/11/2026 08:15",
                "Vui lòng chờ đến lượt", "Xin cảm ơn quý khách!");
        assertThat(doc.blocks()).noneMatch(b -> b instanceof PrintedDocument.Raster);
        assertThat(doc.blocks()).filteredOn(b -> b instanceof PrintedDocument.TextLine t && t.text().equals("A012"))
                .singleElement().satisfies(b -> assertThat(((PrintedDocument.TextLine) b).width()).isEqualTo(4));
    }

    @Test
    void selects_the_vietnamese_code_page_after_init() {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        byte[] bytes = new EscPosPrinter(virtual(profile), profile, TIMEOUT).render(Tickets.typical().build());
        assertThat(bytes).startsWith(0x1B, '@', 0x1B, 't', 52);
        assertThat(bytes).endsWith(0x1D, 'V', 66, 3);
    }

    @Test
    void prints_lines_the_code_page_cannot_carry_as_raster() throws Exception {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().footer(List.of("Phòng 中文 số 3")).build());
        assertThat(paper.documents().get(0).text()).contains(Tickets.HEADER).contains("[raster 576x");
    }

    @Test
    void control_characters_in_config_text_cannot_inject_commands() throws Exception {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        TicketDocument doc = Tickets.typical()
                .header(List.of("Phường\u001DV\u0000 Định\u001B@\u001Bt\u0000 Công"))
                .footer(List.of("Cảm ơn\u001D!\u0077\u0010\u0004\u0001"))
                .build();
        byte[] bytes = new EscPosPrinter(paper, profile, TIMEOUT).render(doc);
        new EscPosPrinter(paper, profile, TIMEOUT).print(doc);

        assertThat(paper.documents()).hasSize(1);
        assertThat(paper.documents().get(0).text()).contains("PhườngV Định@t Công").contains("Cảm ơn!w");
        assertThat(count(bytes, 0x1D, 'V')).isEqualTo(1);
        assertThat(count(bytes, 0x1B, '@')).isEqualTo(1);
        assertThat(count(bytes, 0x10, 0x04)).isZero();
    }

    @Test
    void prints_a_native_qr_code_when_the_model_has_one() throws Exception {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().qrContent(Tickets.QR).build());
        PrintedDocument doc = paper.documents().get(0);
        assertThat(doc.blocks()).anyMatch(b -> b instanceof PrintedDocument.Qr);
        assertThat(doc.qrContents()).containsExactly(Tickets.QR);
    }

    @Test
    void prints_a_raster_qr_code_that_scans_back_when_the_model_has_none() throws Exception {
        PrinterProfile profile = Tickets.profile("generic-58-raster");
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().qrContent(Tickets.QR).build());
        PrintedDocument doc = paper.documents().get(0);
        assertThat(doc.blocks()).noneMatch(b -> b instanceof PrintedDocument.Qr);
        assertThat(doc.qrContents()).containsExactly(Tickets.QR);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"xprinter-58, 48", "xprinter-80, 72", "epson-tm-t20, 72"})
    void raster_mode_prints_vietnamese_lines_as_full_width_rasters(String model, int widthBytes) throws Exception {
        PrinterProfile profile = Tickets.profile(model);
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().build());

        PrintedDocument doc = paper.documents().get(0);
        List<PrintedDocument.Raster> rasters = doc.blocks().stream()
                .filter(b -> b instanceof PrintedDocument.Raster).map(b -> (PrintedDocument.Raster) b).toList();
        assertThat(rasters).hasSize(5).allSatisfy(r -> assertThat(r.image().widthBytes()).isEqualTo(widthBytes));
        assertThat(doc.text().lines()).contains("A012", "23/11/2026 08:15").doesNotContain(Tickets.HEADER);
    }

    @ParameterizedTest
    @EnumSource(PrinterCondition.class)
    void reports_the_condition_the_printer_answers(PrinterCondition condition) {
        PrinterProfile profile = Tickets.profile("xprinter-80");
        VirtualPrinter paper = virtual(profile);
        paper.setCondition(condition);
        assertThat(new EscPosPrinter(paper, profile, TIMEOUT).status()).isEqualTo(condition);
    }

    @Test
    void asks_the_three_status_questions_in_one_write_so_a_probe_is_one_round_trip() {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        paper.setCondition(PrinterCondition.PAPER_NEAR_END);
        List<byte[]> writes = new java.util.ArrayList<>();
        PrinterTransport counting = new PrinterTransport() {
            @Override
            public void open() throws java.io.IOException {
                paper.open();
            }

            @Override
            public void write(byte[] data) throws java.io.IOException {
                writes.add(data.clone());
                paper.write(data);
            }

            @Override
            public int read(byte[] buf, long timeoutMillis) throws java.io.IOException {
                return paper.read(buf, timeoutMillis);
            }

            @Override
            public boolean isConnected() {
                return paper.isConnected();
            }

            @Override
            public String describe() {
                return "counting " + paper.describe();
            }

            @Override
            public void close() {
                paper.close();
            }
        };
        assertThat(new EscPosPrinter(counting, profile, TIMEOUT).status()).isEqualTo(PrinterCondition.PAPER_NEAR_END);
        assertThat(writes).singleElement().isEqualTo(new byte[] {0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4});
    }

    @Test
    void reports_offline_within_the_timeout_when_nothing_answers() {
        PrinterProfile profile = Tickets.profile("xprinter-80");
        VirtualPrinter paper = virtual(profile);
        paper.setCondition(PrinterCondition.OFFLINE);
        long start = System.nanoTime();
        PrinterCondition condition = new EscPosPrinter(paper, profile, Duration.ofMillis(200)).status();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(condition).isEqualTo(PrinterCondition.OFFLINE);
        assertThat(tookMillis).isLessThan(2_000L);
    }

    @Test
    void a_ticket_printed_without_paper_fails_and_leaves_no_document() {
        PrinterProfile profile = Tickets.profile("xprinter-80");
        VirtualPrinter paper = virtual(profile);
        paper.setCondition(PrinterCondition.PAPER_OUT);
        PrintResult result = new EscPosPrinter(paper, profile, TIMEOUT).print(Tickets.typical().build());
        assertThat(result.printed()).isFalse();
        assertThat(result.after()).isEqualTo(PrinterCondition.PAPER_OUT);
        assertThat(paper.documents()).isEmpty();
    }

    @Test
    void a_test_print_carries_every_vietnamese_vowel_form() throws Exception {
        PrinterProfile profile = Tickets.profile("epson-tm-t82");
        VirtualPrinter paper = virtual(profile);
        new EscPosPrinter(paper, profile, TIMEOUT).print(TicketDocument.test(List.of(Tickets.HEADER), "23/11/2026 08:15"));
        assertThat(paper.documents().get(0).text()).contains("ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đđ", "Ơờớởỡợ Ưừứửữự ýỳỷỹỵ");
    }

    private static int count(byte[] bytes, int first, int second) {
        int n = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == first && (bytes[i + 1] & 0xFF) == second) {
                n++;
            }
        }
        return n;
    }
}
