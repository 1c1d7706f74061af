package vn.motcua.ticket.dispense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.hardware.sim.SimDisplay;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.support.Configs;
import vn.motcua.ticket.support.LedgerRig;
import vn.motcua.ticket.support.MemoryLeds;

class TicketPanelTest {
    private static final String OFFICE = "Bộ phận Một cửa phường Định Công";
    private static final List<String> SERVICES = List.of("Hộ tịch", "Chứng thực", "Đất đai – Xây dựng",
            "Kinh doanh – Hộ kinh doanh");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LedgerRig rig = new LedgerRig(clock);
    private final VirtualPrinter printer = new VirtualPrinter(Tickets.profile("epson-tm-t82"), clock);
    private final PrinterGate gate = new PrinterGate(
            new EscPosPrinter(printer, Tickets.profile("epson-tm-t82"), Duration.ofMillis(100)), rig.ledger, new HealthModel());

    TicketPanelTest() {
        gate.start();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16, 2", "20, 4"})
    void the_idle_screen_pages_through_every_service_and_never_cuts_a_word(int columns, int rows) {
        SimDisplay lcd = new SimDisplay(columns, rows, false);
        TicketPanel panel = panel(lcd);
        panel.configure(Configs.parse(officeConfig()));

        Set<String> rowsSeen = watch(lcd, columns, rows, 10);
        String everything = String.join(" ", rowsSeen);
        assertThat(everything).contains(OFFICE.split(" "));
        for (String name : SERVICES) {
            assertThat(everything).contains(name.split(" "));
        }
        Set<String> words = new LinkedHashSet<>();
        PanelTexts.idle(Configs.parse(officeConfig())).forEach(l -> words.addAll(Arrays.asList(l.split(" "))));
        assertThat(rowsSeen).allSatisfy(row -> assertThat(words).containsAll(Arrays.asList(row.split(" "))));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"16, 2", "20, 4"})
    void the_fault_screen_pages_whole_words(int columns, int rows) {
        SimDisplay lcd = new SimDisplay(columns, rows, false);
        TicketPanel panel = panel(lcd);
        panel.configure(Configs.parse(officeConfig()));
        printer.setCondition(PrinterCondition.COVER_OPEN);
        gate.check();

        Set<String> rowsSeen = watch(lcd, columns, rows, 6);
        assertThat(rowsSeen).noneSatisfy(row -> assertThat(row).endsWith("viê"));
        assertThat(String.join(" ", rowsSeen)).contains("Nắp máy in đang mở", "Vui lòng báo nhân viên", "Printer cover open",
                "Please ask staff");
    }

    private TicketPanel panel(SimDisplay lcd) {
        TicketPanel panel = new TicketPanel(Optional.of(new PagedDisplay(lcd, clock, scheduler)), new MemoryLeds("A", "status"),
                clock, scheduler, gate);
        gate.addListener(condition -> panel.printerChanged());
        return panel;
    }

    @AfterEach
    void close() {
        rig.close();
    }

    /** Every row the display shows over {@code pages} page turns, each checked to fit the glass. */
    private Set<String> watch(SimDisplay lcd, int columns, int rows, int pages) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < pages; i++) {
            assertThat(lcd.lines()).hasSizeLessThanOrEqualTo(rows)
                    .allSatisfy(row -> assertThat(row.codePointCount(0, row.length())).isLessThanOrEqualTo(columns));
            seen.addAll(lcd.lines());
            clock.advance(PagedDisplay.PAGE);
            scheduler.runDue();
        }
        return seen;
    }

    private static ObjectNode officeConfig() {
        ObjectNode c = Configs.body(0).put("officeName", OFFICE);
        ArrayNode services = c.putArray("services");
        for (int i = 0; i < SERVICES.size(); i++) {
            String code = String.valueOf((char) ('A' + i));
            services.addObject().put("code", code).put("name", SERVICES.get(i)).put("button", code);
        }
        return c;
    }
}
