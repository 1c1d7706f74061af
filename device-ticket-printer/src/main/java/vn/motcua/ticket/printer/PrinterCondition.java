package vn.motcua.ticket.printer;

import java.util.Arrays;

/** The condition of a receipt printer as seen through its status answers. */
public enum PrinterCondition {
    OK("ok", true),
    PAPER_NEAR_END("paper-near-end", true),
    PAPER_OUT("paper-out", false),
    COVER_OPEN("cover-open", false),
    OFFLINE("offline", false);

    private final String wire;
    private final boolean canPrint;

    PrinterCondition(String wire, boolean canPrint) {
        this.wire = wire;
        this.canPrint = canPrint;
    }

    /** The name used on MQTT, CoAP and the simulator's HTTP API. */
    public String wire() {
        return wire;
    }

    /** Whether a ticket can be printed in this condition. */
    public boolean canPrint() {
        return canPrint;
    }

    /** Parses a wire name such as {@code paper-out}; throws IllegalArgumentException for an unknown one. */
    public static PrinterCondition fromWire(String wire) {
        return Arrays.stream(values())
                .filter(c -> c.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown printer condition '" + wire
                        + "', expected one of ok, paper-near-end, paper-out, cover-open, offline"));
    }
}
