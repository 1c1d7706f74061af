package vn.motcua.office.coap;

import java.nio.charset.StandardCharsets;

/** A device's CoAP answer: the code as in the SPEC (205 for 2.05), the body and the ETag (empty when none). */
public record CoapReply(int code, byte[] payload, String etag) {
    public boolean success() {
        return code >= 200 && code < 300;
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
