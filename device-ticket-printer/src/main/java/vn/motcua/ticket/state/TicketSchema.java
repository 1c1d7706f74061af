package vn.motcua.ticket.state;

import java.util.List;

/**
 * The ticket printer's tables; append new steps, never edit old ones. One counter row per business day and service
 * (the tickets themselves are the {@code ticket.issued} events, recorded in the same transaction).
 */
public final class TicketSchema {
    public static final List<String> STEPS = List.of(
            """
            CREATE TABLE ticket_counters(business_day TEXT NOT NULL, service TEXT NOT NULL, last_number INTEGER NOT NULL,
              issued INTEGER NOT NULL, voided INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(business_day, service)) WITHOUT ROWID;
            CREATE TABLE ticket_refusals(business_day TEXT NOT NULL, reason TEXT NOT NULL, count INTEGER NOT NULL,
              PRIMARY KEY(business_day, reason)) WITHOUT ROWID
            """);

    private TicketSchema() {
    }
}
