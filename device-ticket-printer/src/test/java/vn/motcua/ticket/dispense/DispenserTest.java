package vn.motcua.ticket.dispense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.LedState;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.hardware.PagedDisplay;
import vn.motcua.common.hardware.sim.SimDisplay;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.printer.ReceiptPrinter;
import vn.motcua.ticket.printer.TicketDocument;
import vn.motcua.ticket.queue.QueueBoard;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.support.Configs;
import vn.motcua.ticket.support.LedgerRig;
import vn.motcua.ticket.support.MemoryLeds;

class DispenserTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final LedgerRig rig = new LedgerRig(clock);
    private final PrinterProfile profile = Tickets.profile("epson-tm-t82");
    private final VirtualPrinter paper = new VirtualPrinter(profile, clock);
    private final FlakyPrinter printer = new FlakyPrinter(new EscPosPrinter(paper, profile, Duration.ofMillis(100)));
    private final HealthModel health = new HealthModel();
    private final SimDisplay display = new SimDisplay(20, 4, false);
    private final MemoryLeds leds = new MemoryLeds("A", "B", "C", "D", "status");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final PressThrottle throttle = new PressThrottle(clock);
    private final PrinterGate gate = new PrinterGate(printer, rig.ledger, health);
    private final TicketPanel panel = new TicketPanel(Optional.of(new PagedDisplay(display, clock, scheduler)), leds,
            clock, scheduler, gate);
    private final QueueBoard queues = new QueueBoard(clock);
    private final Dispenser dispenser = new Dispenser(new Numbering(rig.ledger, clock, LedgerRig.HANOI), throttle,
            gate, new TicketComposer(clock, LedgerRig.HANOI, queues));

    DispenserTest() {
        gate.start();
        gate.addListener(condition -> panel.printerChanged());
        var config = Configs.parse(Configs.body(0));
        dispenser.configure(config);
        panel.configure(config);
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        rig.close();
    }

    @Test
    void prints_a_numbered_ticket_with_the_config_texts_intact_and_no_control_characters() {
        press("C");
        String text = paper.documents().get(0).text();
        assertThat(text).contains(Configs.HEADER, "P001", "Người cao tuổi", "ƯU TIÊN", "23/11/2026 08:00",
                "Xin cảm ơn@V quý khách!", "[qr https://dinhcong.gov.vn/q/P001]");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(display.lines()).contains("Số của bạn: P001");
    }

    @Test
    void paper_out_refuses_without_a_number_reports_the_fault_once_and_recovers() {
        paper.setCondition(PrinterCondition.PAPER_OUT);
        press("A");
        press("A");
        gate.check();
        assertThat(rig.data("ticket.refused")).extracting(Object::toString)
                .containsExactly("{\"service\":\"A\",\"reason\":\"paper-out\"}", "{\"service\":\"A\",\"reason\":\"paper-out\"}");
        assertThat(rig.data("printer.fault")).extracting(Object::toString).containsExactly("{\"condition\":\"paper-out\"}");
        assertThat(rig.data("ticket.issued")).isEmpty();
        assertThat(health.status("printer").wire()).isEqualTo("fault:paper-out");
        assertThat(display.lines()).containsExactly("Máy in hết giấy", "Vui lòng báo nhân", "viên", "Printer out of paper");
        after(PagedDisplay.PAGE);
        assertThat(display.lines()).containsExactly("Please ask staff");
        assertThat(leds.state("A")).isEqualTo(LedState.OFF);
        assertThat(leds.state("status")).isEqualTo(LedState.BLINK);

        paper.setCondition(PrinterCondition.OK);
        gate.check();
        press("A");
        assertThat(rig.data("printer.recovered")).extracting(Object::toString).containsExactly("{\"condition\":\"paper-out\"}");
        assertThat(rig.data("ticket.issued")).extracting(d -> d.get("ticket").asText()).containsExactly("A001");
        assertThat(health.status("printer").ok()).isTrue();
        assertThat(leds.state("A")).isEqualTo(LedState.ON);
        assertThat(paper.documents()).hasSize(1);
    }

    @Test
    void paper_near_end_is_a_fault_event_but_still_prints() {
        paper.setCondition(PrinterCondition.PAPER_NEAR_END);
        press("A");
        press("A");
        assertThat(rig.data("printer.fault")).extracting(Object::toString).containsExactly("{\"condition\":\"paper-near-end\"}");
        assertThat(rig.data("ticket.issued")).hasSize(2);
        assertThat(paper.documents()).hasSize(2);
    }

    @Test
    void a_print_failing_after_allocation_voids_the_number_and_the_next_press_gets_the_next_one() {
        printer.failNext.set(1);
        press("A");
        press("A");
        assertThat(rig.data("ticket.voided")).extracting(Object::toString)
                .containsExactly("{\"ticket\":\"A001\",\"reason\":\"printer-offline\"}");
        assertThat(rig.data("ticket.issued")).extracting(d -> d.get("ticket").asText()).containsExactly("A001", "A002");
        assertThat(paper.documents()).singleElement().satisfies(d -> assertThat(d.text()).contains("A002"));
    }

    @Test
    void ignores_and_counts_presses_inside_the_minimum_interval_and_on_buttons_without_service() {
        dispenser.configure(Configs.parse(Configs.body(1500)));
        press("A");
        clock.advance(Duration.ofMillis(500));
        press("B");
        press("D");
        clock.advance(Duration.ofMillis(1000));
        press("B");
        assertThat(rig.data("ticket.issued")).extracting(d -> d.get("ticket").asText()).containsExactly("A001", "B001");
        assertThat(rig.types()).doesNotContain("ticket.refused");
        assertThat(throttle.ignoredPresses()).isEqualTo(2);
    }

    @Test
    void a_press_too_soon_says_please_wait_for_a_moment_then_the_ticket_just_printed_comes_back() {
        dispenser.configure(Configs.parse(Configs.body(1000)));
        press("A");
        clock.advance(Duration.ofMillis(300));
        press("A");

        assertThat(display.lines()).containsExactly("Vui lòng chờ", "rồi nhấn lại");
        assertThat(rig.data("ticket.issued")).hasSize(1);
        after(TicketPanel.NOTICE);
        assertThat(display.lines()).startsWith("Số của bạn: A001", "Hộ tịch");
        after(TicketPanel.FLASH);
        assertThat(display.lines()).contains("Nhấn nút để lấy số");
    }

    @Test
    void the_ticket_prints_the_people_ahead_only_while_the_districts_count_is_fresh() {
        queues.accept("A", "{\"service\":\"A\",\"waiting\":3,\"avgServiceSeconds\":200,\"ts\":\"2026-11-23T07:58:00.000+07:00\"}");
        press("A");
        clock.advance(Duration.ofMinutes(4));
        press("A");

        assertThat(paper.documents().get(0).text()).contains("Trước quý khách còn 3 người", "Thời gian chờ dự kiến: khoảng 10 phút");
        assertThat(paper.documents().get(1).text()).contains("A002").doesNotContain("Trước quý khách", "dự kiến");
    }

    @Test
    void people_ahead_is_in_english_for_locale_en() {
        dispenser.configure(Configs.parse(Configs.body(0).put("locale", "en")));
        queues.accept("A", "{\"service\":\"A\",\"waiting\":1,\"avgServiceSeconds\":30,\"ts\":\"2026-11-23T08:00:00.000+07:00\"}");
        press("A");

        assertThat(paper.documents().get(0).text()).contains("People ahead of you: 1", "Estimated wait: about 1 minute");
    }

    @Test
    void please_wait_is_in_english_for_locale_en() {
        var config = Configs.parse(Configs.body(1000).put("locale", "en"));
        dispenser.configure(config);
        panel.configure(config);
        press("B");
        press("B");

        assertThat(display.lines()).containsExactly("Please wait", "then press again");
    }

    @Test
    void an_offline_printer_refuses_with_printer_offline_and_never_prints_a_backlog() {
        paper.setCondition(PrinterCondition.OFFLINE);
        press("B");
        paper.setCondition(PrinterCondition.OK);
        gate.check();
        assertThat(rig.data("ticket.refused")).extracting(Object::toString)
                .containsExactly("{\"service\":\"B\",\"reason\":\"printer-offline\"}");
        assertThat(rig.data("printer.fault")).extracting(Object::toString).containsExactly("{\"condition\":\"offline\"}");
        assertThat(paper.documents()).isEmpty();
    }

    @Test
    void a_new_config_takes_effect_live_and_the_service_counter_keeps_going() {
        press("A");
        var body = Configs.body(0).put("version", 2);
        ((ObjectNode) body.get("services").get(0)).put("button", "D");
        var next = Configs.parse(body);
        dispenser.configure(next);
        panel.configure(next);
        press("A");
        press("D");
        assertThat(rig.data("ticket.issued")).extracting(d -> d.get("ticket").asText()).containsExactly("A001", "A002");
        assertThat(leds.state("D")).isEqualTo(LedState.ON);
        assertThat(leds.state("A")).isEqualTo(LedState.OFF);
        assertThat(throttle.ignoredPresses()).isEqualTo(1);
    }

    @Test
    void the_idle_display_names_each_button_and_its_service() {
        var body = Configs.body(0).put("version", 2);
        ((ObjectNode) body.get("services").get(0)).put("button", "D");
        panel.configure(Configs.parse(body));
        // "{button}: {service}", the service code added only when the button has another name; the office name
        // (21 letters) takes two rows, so the services page
        assertThat(display.lines()).containsExactly("UBND phường Định", "Công", "Nhấn nút để lấy số", "D: A Hộ tịch");
        after(PagedDisplay.PAGE);
        assertThat(display.lines()).containsExactly("B: Đất đai", "C: P Người cao tuổi");
    }

    /** A press as the app wires it: the dispenser decides, the panel draws the result. */
    private PressResult press(String button) {
        PressResult result = dispenser.press(button);
        panel.show(result);
        return result;
    }

    private void after(Duration duration) {
        clock.advance(duration);
        scheduler.runDue();
    }

    /** A printer whose next prints fail as if the cable were pulled after allocation. */
    private static final class FlakyPrinter implements ReceiptPrinter {
        final AtomicInteger failNext = new AtomicInteger();
        private final ReceiptPrinter real;

        FlakyPrinter(ReceiptPrinter real) {
            this.real = real;
        }

        @Override
        public PrinterCondition status() {
            return real.status();
        }

        @Override
        public PrintResult print(TicketDocument doc) {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return PrintResult.failed(PrinterCondition.OFFLINE, "ticket " + doc.ticket() + " not sent: cable pulled");
            }
            return real.print(doc);
        }
    }
}
