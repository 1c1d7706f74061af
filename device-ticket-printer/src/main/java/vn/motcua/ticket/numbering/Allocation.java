package vn.motcua.ticket.numbering;

/** The outcome of asking for a number: a ticket, or a refusal with the contract's reason. */
public sealed interface Allocation {
    /** A number was allocated and its {@code ticket.issued} event recorded. */
    record Issued(TicketNumber ticket) implements Allocation {
    }

    /** No number was allocated; {@code ticket.refused} was recorded with this reason. */
    record Refused(String service, String reason) implements Allocation {
    }

    /** No number was allocated and nothing could be recorded: the state disk refuses writes ({@code reason}). */
    record NotRecorded(String service, String reason) implements Allocation {
    }
}
