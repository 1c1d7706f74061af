package vn.motcua.ticket.dispense;

import vn.motcua.ticket.printer.PrinterCondition;

/** The {@code ticket.refused} / {@code ticket.voided} reason for a printer condition. */
final class Refusals {
    private Refusals() {
    }

    static String reason(PrinterCondition condition) {
        return switch (condition) {
            case PAPER_OUT -> "paper-out";
            case COVER_OPEN -> "cover-open";
            case OFFLINE -> "printer-offline";
            case OK, PAPER_NEAR_END -> "print-failed";
        };
    }
}
