package vn.motcua.ticket.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.ticket.escpos.EscPosPrinter;
import vn.motcua.ticket.escpos.PrinterProfile;
import vn.motcua.ticket.escpos.Tickets;
import vn.motcua.ticket.printer.PrintResult;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.sim.VirtualPrinter;

class TcpTransportTest {
    private final PrinterProfile profile = Tickets.profile("epson-tm-t82");
    private final VirtualPrinter printer = new VirtualPrinter(profile, Clock.systemUTC());
    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    @BeforeEach
    void givenANetworkPrinter() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                    vn.motcua.ticket.support.PrinterLink.start("tcp-printer", s.getInputStream(), s.getOutputStream(), printer);
                }
            } catch (IOException e) {
                org.tinylog.Logger.debug("test printer server stopped: {}", e.getMessage());
            }
        }, "tcp-printer-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopPrinter() throws Exception {
        server.close();
        dropConnections();
        acceptor.join(2000);
    }

    private TcpTransport transport() {
        return new TcpTransport("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));
    }

    @Test
    void prints_a_ticket_and_reads_status_over_tcp() throws Exception {
        try (TcpTransport tcp = transport()) {
            EscPosPrinter escpos = new EscPosPrinter(tcp, profile, Duration.ofMillis(500));
            assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
            escpos.print(Tickets.typical().build());
            printer.setCondition(PrinterCondition.COVER_OPEN);
            assertThat(escpos.status()).isEqualTo(PrinterCondition.COVER_OPEN);
        }
        assertThat(printer.documents()).singleElement().satisfies(d -> assertThat(d.text()).contains(Tickets.HEADER));
    }

    @Test
    void reconnects_after_the_printer_dropped_the_connection() throws Exception {
        try (TcpTransport tcp = transport()) {
            EscPosPrinter escpos = new EscPosPrinter(tcp, profile, Duration.ofMillis(500));
            assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
            dropConnections();
            assertThat(escpos.status()).isEqualTo(PrinterCondition.OFFLINE);
            assertThat(escpos.status()).isEqualTo(PrinterCondition.OK);
            escpos.print(Tickets.typical().build());
        }
        assertThat(printer.documents()).hasSize(1);
    }

    @Test
    void a_printer_that_is_not_there_is_offline_and_refuses_tickets() throws Exception {
        server.close();
        // until the acceptor's blocked accept() returns, the kernel keeps the listening socket open and may still
        // take a connection (the test saw OK once): wait for that thread to end
        acceptor.join(2000);
        assertThat(acceptor.isAlive()).isFalse();
        try (TcpTransport tcp = transport()) {
            EscPosPrinter escpos = new EscPosPrinter(tcp, profile, Duration.ofMillis(300));
            assertThat(escpos.status()).isEqualTo(PrinterCondition.OFFLINE);
            PrintResult result = escpos.print(Tickets.typical().build());
            assertThat(result.printed()).isFalse();
            assertThat(result.after()).isEqualTo(PrinterCondition.OFFLINE);
            assertThat(result.problem()).contains("tcp:127.0.0.1:");
        }
    }

    private void dropConnections() throws IOException {
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
            accepted.clear();
        }
    }
}
