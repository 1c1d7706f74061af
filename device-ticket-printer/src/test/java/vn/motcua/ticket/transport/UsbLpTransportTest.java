package vn.motcua.ticket.transport;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The usblp transport against a character device stand-in: a socat pseudo-terminal behaves like /dev/usb/lp0. */
@Tag("slow")
class UsbLpTransportTest {
    private final PrinterProfile profile = Tickets.profile("xprinter-80");
    private final VirtualPrinter printer = new VirtualPrinter(profile, Clock.systemUTC());
    private PtyPair pty;
    private PrinterLink link;
    private UsbLpTransport usb;

    @BeforeEach
    void givenAPrinterDevice() throws Exception {
        pty = new PtyPair(Path.of("target", "ptys"), "lp-" + UUID.randomUUID().toString().substring(0, 8)).start();
        link = plugIn();
        usb = new UsbLpTransport(pty.host().toString(), Duration.ofSeconds(2));
    }

    @AfterEach
    void unplug() throws Exception {
        usb.close();
        pty.close();
        link.close();
    }

    private PrinterLink plugIn() throws Exception {
        return PrinterLink.start("lp-printer", new FileInputStream(pty.printer().toFile()),
                new FileOutputStream(pty.printer().toFile()), printer);
    }

    @Test
    void prints_in_raster_mode_and_reads_status_through_the_device_file() throws Exception {
        EscPosPrinter escpos = new EscPosPrinter(usb, profile, Duration.ofMillis(500));
        printer.setCondition(PrinterCondition.PAPER_NEAR_END);
        assertThat(escpos.status()).isEqualTo(PrinterCondition.PAPER_NEAR_END);
        escpos.print(Tickets.typical().build());
        assertThat(printer.documents()).singleElement().satisfies(d -> assertThat(d.text()).contains("A012", "[raster 576x"));
    }

    @Test
    void reopens_the_device_after_it_went_away() throws Exception {
        EscPosPrinter escpos = new EscPosPrinter(usb, profile, Duration.ofMillis(500));
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
        pty.kill();
        link.close();
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OFFLINE);
        pty.start();
        link = plugIn();
        assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
    }
}
