package vn.motcua.ticket.escpos;

import java.io.IOException;
import java.util.OptionalInt;
import org.tinylog.Logger;
import vn.motcua.ticket.printer.PrinterCondition;
import vn.motcua.ticket.transport.PrinterTransport;

/**
 * Asks a printer DLE EOT 1, 2 and 4 over a transport, each answer bounded by a timeout. The three questions go out in
 * one write: DLE EOT is a real-time command the printer answers as it receives it, in order, so a probe costs one
 * round trip instead of three (on a USB-serial adapter each round trip is at least its latency timer).
 */
final class StatusProbe {
    private static final byte[] QUESTIONS = {
        EscPos.DLE, EscPos.EOT, (byte) EscPos.STATUS_PRINTER,
        EscPos.DLE, EscPos.EOT, (byte) EscPos.STATUS_OFFLINE_CAUSE,
        EscPos.DLE, EscPos.EOT, (byte) EscPos.STATUS_PAPER,
    };
    private final PrinterTransport transport;

    StatusProbe(PrinterTransport transport) {
        this.transport = transport;
    }

    /** The condition, or OFFLINE when the transport fails or a question gets no valid answer in time; the first may wait longer. */
    PrinterCondition probe(long firstTimeoutMillis, long timeoutMillis) {
        try {
            discardStaleInput();
            transport.write(QUESTIONS);
            OptionalInt printer = answer(firstTimeoutMillis);
            if (printer.isEmpty()) {
                return PrinterCondition.OFFLINE;
            }
            OptionalInt cause = answer(timeoutMillis);
            OptionalInt paper = cause.isEmpty() ? cause : answer(timeoutMillis);
            if (paper.isEmpty()) {
                return PrinterCondition.OFFLINE;
            }
            return PrinterStatus.interpret(printer.getAsInt(), cause.getAsInt(), paper.getAsInt());
        } catch (IOException e) {
            Logger.debug("printer status query on {} failed: {}", transport.describe(), e.getMessage());
            return PrinterCondition.OFFLINE;
        }
    }

    /** The next status byte, skipping anything else the printer sends, or empty after the timeout. */
    private OptionalInt answer(long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] one = new byte[1];
        while (true) {
            long left = (deadline - System.nanoTime() + 999_999L) / 1_000_000L;
            if (left <= 0) {
                return OptionalInt.empty();
            }
            if (transport.read(one, left) == 1 && PrinterStatus.isStatusByte(one[0] & 0xFF)) {
                return OptionalInt.of(one[0] & 0xFF);
            }
        }
    }

    private void discardStaleInput() throws IOException {
        byte[] buf = new byte[64];
        for (int i = 0; i < 16 && transport.read(buf, 0) > 0; i++) {
            Logger.debug("discarded stale bytes from printer {}", transport.describe());
        }
    }
}
