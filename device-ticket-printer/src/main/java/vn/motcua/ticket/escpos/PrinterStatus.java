package vn.motcua.ticket.escpos;

import vn.motcua.ticket.printer.PrinterCondition;

/** Interprets the one-byte answers to DLE EOT 1, 2 and 4 as the Epson ESC/POS reference defines their bits. */
public final class PrinterStatus {
    private PrinterStatus() {
    }

    /** Whether a byte has the fixed bits every DLE EOT answer carries (bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0). */
    public static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    /**
     * The condition from the printer status (n=1: bit 3 offline), the offline cause (n=2: bit 2 cover open,
     * bit 5 stopped by paper end, bit 6 error) and the paper sensor (n=4: bits 2-3 near end, bits 5-6 paper end).
     */
    public static PrinterCondition interpret(int printer, int offlineCause, int paper) {
        if ((offlineCause & 0x04) != 0) {
            return PrinterCondition.COVER_OPEN;
        }
        if ((paper & 0x60) != 0 || (offlineCause & 0x20) != 0) {
            return PrinterCondition.PAPER_OUT;
        }
        if ((printer & 0x08) != 0 || (offlineCause & 0x40) != 0) {
            return PrinterCondition.OFFLINE;
        }
        if ((paper & 0x0C) != 0) {
            return PrinterCondition.PAPER_NEAR_END;
        }
        return PrinterCondition.OK;
    }

    /** The answers a printer in the given condition gives to DLE EOT 1, 2 and 4 (index 0, 1, 2). */
    public static int[] answersFor(PrinterCondition condition) {
        return switch (condition) {
            case OK -> new int[] {0x12, 0x12, 0x12};
            case PAPER_NEAR_END -> new int[] {0x12, 0x12, 0x1E};
            case PAPER_OUT -> new int[] {0x1A, 0x32, 0x72};
            case COVER_OPEN -> new int[] {0x1A, 0x16, 0x12};
            case OFFLINE -> new int[] {0x1A, 0x52, 0x12};
        };
    }
}
