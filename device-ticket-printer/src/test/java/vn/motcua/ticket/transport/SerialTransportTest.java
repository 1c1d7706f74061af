package vn.motcua.ticket.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.sim.VirtualPrinter;
import vn.motcua.ticket.support.PrinterLink;
import vn.motcua.ticket.support.PtyPair;

@Tag("slow")
class SerialTransportTest {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);
    private final PrinterProfile profile = Tickets.profile("epson-tm-t82");
    private final VirtualPrinter printer = new VirtualPrinter(profile, Clock.systemUTC());
    private PtyPair pty;
    private PrinterLink link;
    private SerialTransport serial;

    @BeforeEach
    void givenAPrinterOnAPseudoTerminal() throws Exception {
        pty = new PtyPair(Path.of("target", "ptys"), UUID.randomUUID().toString().substring(0, 8)).start();
        link = plugIn();
        serial = new SerialTransport(pty.host().toString(), 115200, Duration.ofSeconds(2));
    }

    @AfterEach
    void unplug() throws Exception {
        serial.close();
        pty.close();
        link.close();
    }

    private PrinterLink plugIn() throws Exception {
        FileInputStream in = new FileInputStream(pty.printer().toFile());
        FileOutputStream out = new FileOutputStream(pty.printer().toFile());
        return PrinterLink.start("pty-printer", in, out, printer);
    }

    @Test
    void prints_a_full_ticket_over_a_serial_line() throws Exception {
        EscPosPrinter escpos = new EscPosPrinter(serial, profile, STATUS_TIMEOUT);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
        escpos.print(Tickets.typical().priority(true).qrContent(Tickets.QR).build());

        assertThat(printer.documents()).singleElement().satisfies(d -> {
            assertThat(d.text()).contains(Tickets.HEADER, "A012", "ƯU TIÊN", "Xin cảm ơn quý khách!");
            assertThat(d.qrContents()).containsExactly(Tickets.QR);
        });
    }

    @Test
    void reads_paper_out_cover_open_and_silence_over_a_serial_line() {
        EscPosPrinter escpos = new EscPosPrinter(serial, profile, STATUS_TIMEOUT);
        printer.setCondition(PrinterCondition.PAPER_OUT);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.PAPER_OUT);
        printer.setCondition(PrinterCondition.COVER_OPEN);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.COVER_OPEN);
        printer.setCondition(PrinterCondition.OFFLINE);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OFFLINE);
        printer.setCondition(PrinterCondition.PAPER_NEAR_END);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.PAPER_NEAR_END);
    }

    @Test
    void a_write_the_printer_never_takes_fails_within_its_bound_instead_of_hanging() throws Exception {
        // the printer end is open but never read, as with a printer that holds CTS low: the line's buffers fill up
        try (PtyPair stuckLine = new PtyPair(Path.of("target", "ptys"), UUID.randomUUID().toString().substring(0, 8)).start();
             FileInputStream neverRead = new FileInputStream(stuckLine.printer().toFile())) {
            SerialTransport stuck = new SerialTransport(stuckLine.host().toString(), 921600, Duration.ofMillis(300));
            byte[] ticket = new byte[512 * 1024];
            long bound = 300 + stuck.transferMillis(ticket.length);
            try {
                assertTimeoutPreemptively(Duration.ofMillis(bound + 10_000), () ->
                        assertThatThrownBy(() -> stuck.write(ticket)).isInstanceOf(java.io.IOException.class)
                                .hasMessageContaining("did not finish within " + bound + " ms"));
                assertThat(stuck.isConnected()).isFalse();
            } finally {
                stuck.close();
            }
        }
    }

    @Test
    void recovers_after_an_unplug_without_a_new_transport() throws Exception {
        EscPosPrinter escpos = new EscPosPrinter(serial, profile, STATUS_TIMEOUT);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);

        pty.kill();
        link.close();
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OFFLINE);
        assertThat(serial.isConnected()).isFalse();
        assertThat(escpos.print(Tickets.typical().build()).printed()).isFalse();

        pty.start();
        link = plugIn();
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
        escpos.print(Tickets.typical().build());
        assertThat(printer.documents()).singleElement().satisfies(d -> assertThat(d.text()).contains(Tickets.HEADER));
    }
}
