package vn.motcua.ticket.dispense;

import vn.motcua.ticket.config.Service;
import vn.motcua.ticket.numbering.TicketNumber;
import vn.motcua.ticket.printer.PrinterCondition;

/** What one button press came to; the panel draws it, tests read it. */
public sealed interface PressResult {
    /** No service on the button, or the device is stopping: nothing to show. */
    record Ignored() implements PressResult {
    }

    /** Inside {@code minIntervalMillis} of the last ticket: the display asks to wait. */
    record TooSoon() implements PressResult {
    }

    /**
     * The printer cannot print, so no number was allocated ({@code ticket.refused}; {@code recorded} false when the
     * state disk refused that too). The fault screen shows the condition.
     */
    record Refused(Service service, PrinterCondition condition, boolean recorded) implements PressResult {
    }

    /** The state disk refuses writes: no number can be recorded, so none is given. */
    record NotRecorded(Service service) implements PressResult {
    }

    /** The service's range is used up for today. */
    record Exhausted(Service service) implements PressResult {
    }

    /** The ticket was allocated and printed. */
    record Printed(Service service, TicketNumber ticket) implements PressResult {
    }

    /** The ticket was allocated, the print failed, and its number is voided (never reused). */
    record Voided(Service service, TicketNumber ticket, PrinterCondition condition) implements PressResult {
    }
}
