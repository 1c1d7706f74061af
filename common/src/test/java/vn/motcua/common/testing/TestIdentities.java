package vn.motcua.common.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.common.json.Json;

/** Writes identity files for tests: a valid sim-profile device with plain CoAP on loopback. */
public final class TestIdentities {
    private TestIdentities() {
    }

    public static ObjectNode sim(String deviceId, String kind, String brokerUri) {
        ObjectNode id = Json.object();
        id.put("deviceId", deviceId).put("kind", kind).put("office", "hoang-mai/dinh-cong");
        if (kind.equals("rating-pad")) {
            id.put("counter", 1);
        }
        id.putObject("mqtt").put("uri", brokerUri);
        id.putObject("coap").put("port", 0).put("bind", "127.0.0.1").put("secure", false);
        id.putObject("hardware").put("profile", "sim");
        return id;
    }

    public static Path write(Path dir, ObjectNode identity) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("device.json");
            Files.writeString(file, Json.write(identity));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
