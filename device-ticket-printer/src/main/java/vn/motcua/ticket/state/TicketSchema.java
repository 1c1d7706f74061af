package vn.motcua.ticket.state;

import java.util.List;

/** The ticket printer's tables; append new steps, never edit old ones. */
public final class TicketSchema {
    public static final List<String> STEPS = List.of(
            """
            CREATE TABLE tickets(service TEXT NOT NULL, business_day TEXT NOT NULL, number INTEGER NOT NULL,
              ticket TEXT NOT NULL, priority INTEGER NOT NULL, voided INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY(service, business_day, number));
            CREATE TABLE ticket_refusals(business_day TEXT NOT NULL, reason TEXT NOT NULL, count INTEGER NOT NULL,
              PRIMARY KEY(business_day, reason))
            """);

    private TicketSchema() {
    }
}
