package vn.motcua.ticket.dispense;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.common.hardware.ManualScheduler;
import vn.motcua.common.health.HealthModel;
import vn.motcua.common.testing.MutableClock;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.numbering.Numbering;
import vn.motcua.ticket.numbering.PressThrottle;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.queue.QueueBoard;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.support.Configs;
import vn.motcua.ticket.support.LedgerRig;
import vn.motcua.ticket.support.MemoryLeds;
import vn.motcua.ticket.transport.PrinterTransport;

/** A ticket costs one status round trip before its number is allocated and one behind the print, no more. */
class StatusRoundTripsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final LedgerRig rig = new LedgerRig(clock);
    private final PrinterProfile profile = Tickets.profile("epson-tm-t82");
    private final VirtualPrinter paper = new VirtualPrinter(profile, clock);
    private final CountingTransport wire = new CountingTransport(paper);
    private final PrinterGate gate = new PrinterGate(new EscPosPrinter(wire, profile, Duration.ofMillis(100)), rig.ledger,
            new HealthModel());
    private final ManualScheduler scheduler = new ManualScheduler();
    private final TicketPanel panel = new TicketPanel(Optional.empty(), new MemoryLeds("A", "status"), clock, scheduler, gate);
    private final Dispenser dispenser = new Dispenser(new Numbering(rig.ledger, clock, LedgerRig.HANOI),
            new PressThrottle(clock), gate, new TicketComposer(clock, LedgerRig.HANOI, new QueueBoard(clock)));

    StatusRoundTripsTest() {
        gate.start();
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
    void a_printed_ticket_asks_the_printer_twice() {
        PressResult result = dispenser.press("A");
        panel.show(result);
        scheduler.runDue();

        assertThat(result).isInstanceOf(PressResult.Printed.class);
        assertThat(paper.documents()).hasSize(1);
        assertThat(wire.statusQuestions.get()).as("status round trips for one ticket").isEqualTo(2);
    }

    @Test
    void the_condition_reported_behind_the_print_is_the_gates_without_asking_again() {
        dispenser.press("A");
        paper.setCondition(PrinterCondition.PAPER_NEAR_END);
        int before = wire.statusQuestions.get();
        dispenser.press("A");

        assertThat(wire.statusQuestions.get() - before).isEqualTo(2);
        assertThat(gate.current()).isEqualTo(PrinterCondition.PAPER_NEAR_END);
        assertThat(rig.data("printer.fault")).extracting(Object::toString).containsExactly("{\"condition\":\"paper-near-end\"}");
    }

    @Test
    void a_refused_press_asks_once_and_allocates_nothing() {
        paper.setCondition(PrinterCondition.COVER_OPEN);
        PressResult result = dispenser.press("A");

        assertThat(result).isEqualTo(new PressResult.Refused(Configs.parse(Configs.body(0)).serviceOnButton("A").orElseThrow(),
                PrinterCondition.COVER_OPEN, true));
        assertThat(wire.statusQuestions.get()).isEqualTo(1);
        assertThat(rig.data("ticket.issued")).isEmpty();
    }

    /** The virtual printer's wire, counting the status probes (DLE EOT 1 opens each) that cross it. */
    private static final class CountingTransport implements PrinterTransport {
        final AtomicInteger statusQuestions = new AtomicInteger();
        private final PrinterTransport real;

        CountingTransport(PrinterTransport real) {
            this.real = real;
        }

        @Override
        public void open() throws IOException {
            real.open();
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (data.length >= 3 && data[0] == 0x10 && data[1] == 0x04 && data[2] == 1) {
                statusQuestions.incrementAndGet();
            }
            real.write(data);
        }

        @Override
        public int read(byte[] buf, long timeoutMillis) throws IOException {
            return real.read(buf, timeoutMillis);
        }

        @Override
        public boolean isConnected() {
            return real.isConnected();
        }

        @Override
        public String describe() {
            return "counting " + real.describe();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
