package vn.motcua.common.uplink;

import java.nio.charset.StandardCharsets;

/** A message received from the broker. */
public record InboundMessage(String topic, byte[] payload, boolean retained) {
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
