package vn.motcua.common.management;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import vn.motcua.common.json.Json;

/** A management resource's answer: a status, a body and what the body is. */
public record Reply(Status status, byte[] body, Format format) {
    /**
     * The answers device resources give: CoAP 2.05, 2.04, 4.00, 4.04, 4.05, and for uploads 2.31 (send the next
     * block), 4.03, 4.08 (a block out of order), 4.09, 4.13 and 5.00.
     */
    public enum Status {
        CONTENT, CHANGED, BAD_REQUEST, NOT_FOUND, METHOD_NOT_ALLOWED,
        CONTINUE, FORBIDDEN, INCOMPLETE, CONFLICT, TOO_LARGE, SERVER_ERROR
    }

    /** The body's content format. */
    public enum Format { NONE, TEXT, JSON, PNG }

    public static Reply text(String text) {
        return text(Status.CONTENT, text);
    }

    public static Reply json(JsonNode tree) {
        return new Reply(Status.CONTENT, Json.write(tree).getBytes(StandardCharsets.UTF_8), Format.JSON);
    }

    public static Reply json(Status status, JsonNode tree) {
        return new Reply(status, Json.write(tree).getBytes(StandardCharsets.UTF_8), Format.JSON);
    }

    public static Reply png(byte[] image) {
        return new Reply(Status.CONTENT, image, Format.PNG);
    }

    public static Reply changed() {
        return new Reply(Status.CHANGED, new byte[0], Format.NONE);
    }

    public static Reply badRequest(String why) {
        return text(Status.BAD_REQUEST, why);
    }

    public static Reply notFound(String why) {
        return text(Status.NOT_FOUND, why);
    }

    public static Reply notAllowed() {
        return new Reply(Status.METHOD_NOT_ALLOWED, new byte[0], Format.NONE);
    }

    /** An answer with a status and a text body (a reason for people). */
    public static Reply text(Status status, String text) {
        return new Reply(status, text.getBytes(StandardCharsets.UTF_8), Format.TEXT);
    }
}
