package vn.motcua.common.identity;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;

/**
 * Who a device is and how it reaches the district: the validated identity file (SPEC section 2). The file's
 * {@code hardware} block is read by the kind's typed model (see {@link DeviceIdentity}).
 */
public record Identity(
        Path file,
        String deviceId,
        DeviceKind kind,
        String office,
        OptionalInt counter,
        ZoneId timezone,
        MqttSettings mqtt,
        CoapSettings coap) {

    /** The MQTT topic root {@code motcua/v1/{office}/{deviceId}}. */
    public String topicRoot() {
        return officeTopic() + "/" + deviceId;
    }

    /** The office-wide topic prefix {@code motcua/v1/{office}}. */
    public String officeTopic() {
        return "motcua/v1/" + office;
    }

    /**
     * MQTT connection settings; {@code uris} holds one broker, or the nodes of a cluster or hot standby in the order
     * they are tried; secrets are already read from their files, except the client certificate and key
     * ({@code certFile}, {@code keyFile}, both null without one), which are read at every TLS connect.
     */
    public record MqttSettings(List<String> uris, String username, char[] password, Path caFile, Path certFile,
                               Path keyFile) {
        public MqttSettings {
            uris = List.copyOf(uris);
        }
    }

    /** CoAP management settings; the PSK is the bytes of the psk file's text. */
    public record CoapSettings(int port, String bind, boolean secure, String pskIdentity, byte[] psk) {
    }
}
