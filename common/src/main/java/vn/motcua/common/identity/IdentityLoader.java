package vn.motcua.common.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.common.hardware.HardwareModel;
import vn.motcua.common.hardware.KindHardware;
import vn.motcua.common.hardware.WiringError;
import vn.motcua.common.json.Json;

/** Loads and validates the identity file; the first broken rule becomes an {@link IdentityException}. */
public final class IdentityLoader {
    public static final String DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh";
    private static final Pattern DEVICE_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{2,63}$");
    private static final Pattern OFFICE = Pattern.compile("^[a-z0-9-]+(/[a-z0-9-]+)*$");
    private static final Set<String> TOP_FIELDS =
            Set.of("deviceId", "kind", "office", "counter", "timezone", "mqtt", "coap", "hardware");
    private static final Set<String> MQTT_FIELDS =
            Set.of("uri", "uris", "username", "passwordFile", "caFile", "certFile", "keyFile");
    private static final Set<String> COAP_FIELDS = Set.of("port", "bind", "secure", "pskIdentity", "pskFile");

    private final Path file;
    private final boolean readSecrets;
    private final Path root;

    private IdentityLoader(Path file, boolean readSecrets, Path root) {
        this.file = file;
        this.readSecrets = readSecrets;
        this.root = root;
    }

    private IdentityLoader(Path file, boolean readSecrets) {
        this(file, readSecrets, null);
    }

    /** The common part of an identity file (any kind); its hardware block is only checked for a profile. */
    public static Identity load(Path file) throws IdentityException {
        return new IdentityLoader(file, true).read().identity();
    }

    /**
     * A device's whole identity for a runtime of {@code kind}: the common part, and the hardware block read by the
     * kind's model; an identity of another kind is refused on its {@code kind} field.
     */
    public static <H extends KindHardware> DeviceIdentity<H> load(Path file, DeviceKind kind, HardwareModel<H> model)
            throws IdentityException {
        return new IdentityLoader(file, true).device(kind, model);
    }

    /**
     * As {@link #load(Path, DeviceKind, HardwareModel)} for a device installed under the staging root {@code root}
     * ({@code motcua-setup --root R}): the absolute paths the identity names ({@code /etc/motcua/psk}) are read under it.
     */
    public static <H extends KindHardware> DeviceIdentity<H> load(Path file, Path root, DeviceKind kind, HardwareModel<H> model)
            throws IdentityException {
        return new IdentityLoader(file, true, root).device(kind, model);
    }

    /**
     * Checks every field of an identity file as {@link #load(Path, DeviceKind, HardwareModel)} does, without opening
     * the secret files it names (motcua-setup asks this before it writes them).
     */
    public static void validate(Path file, DeviceKind kind, HardwareModel<?> model) throws IdentityException {
        new IdentityLoader(file, false).device(kind, model);
    }

    private <H extends KindHardware> DeviceIdentity<H> device(DeviceKind kind, HardwareModel<H> model)
            throws IdentityException {
        Read read = read();
        if (read.identity().kind() != kind) {
            throw error("kind", "this runtime is a " + kind.wire() + " but the identity says "
                    + read.identity().kind().wire());
        }
        HardwareModel.Parsed<H> hardware = model.parse(read.hardware());
        if (!hardware.valid()) {
            WiringError first = hardware.errors().get(0);
            throw error(first.path(), first.message());
        }
        return new DeviceIdentity<>(read.identity(), hardware.hardware());
    }

    /** The identity and the raw hardware block, as read from the file. */
    private record Read(Identity identity, JsonNode hardware) {
    }

    private Read read() throws IdentityException {
        JsonNode root = readJson();
        if (!root.isObject()) {
            throw error("(root)", "must be a JSON object");
        }
        onlyKnown(root, "", TOP_FIELDS);
        String deviceId = matching(root, "deviceId", DEVICE_ID);
        String kindText = text(root, "kind", true);
        DeviceKind kind = DeviceKind.fromWire(kindText).orElseThrow(() ->
                error("kind", "must be ticket-printer, rating-pad or kiosk (got \"" + kindText + "\")"));
        String office = matching(root, "office", OFFICE);
        OptionalInt counter = counter(root, kind);
        ZoneId zone = timezone(root);
        Identity.MqttSettings mqtt = mqtt(root.path("mqtt"));
        Identity.CoapSettings coap = coap(root.path("coap"), deviceId);
        JsonNode hardware = root.path("hardware");
        if (!hardware.isObject()) {
            throw error("hardware", "is required and must be an object with a \"profile\"");
        }
        String profile = hardware.path("profile").asText("");
        if (!profile.equals("pi") && !profile.equals("sim")) {
            throw error("hardware.profile", "must be \"pi\" or \"sim\" (got \"" + profile + "\")");
        }
        return new Read(new Identity(file, deviceId, kind, office, counter, zone, mqtt, coap), hardware);
    }

    private JsonNode readJson() throws IdentityException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IdentityException(file, "(file)", "cannot be read: " + e.getMessage());
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IdentityException(file, "(file)", "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr());
        }
    }

    private OptionalInt counter(JsonNode root, DeviceKind kind) throws IdentityException {
        JsonNode node = root.get("counter");
        if (kind != DeviceKind.RATING_PAD) {
            if (node != null) {
                throw error("counter", "is only for a rating-pad; remove it for a " + kind.wire());
            }
            return OptionalInt.empty();
        }
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw error("counter", "is required for a rating-pad and must be an integer >= 1");
        }
        return OptionalInt.of(node.asInt());
    }

    private ZoneId timezone(JsonNode root) throws IdentityException {
        JsonNode node = root.get("timezone");
        String name = node == null ? DEFAULT_TIMEZONE : node.asText();
        if (node != null && !node.isTextual()) {
            throw error("timezone", "must be an IANA zone name such as Asia/Ho_Chi_Minh");
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw error("timezone", "\"" + name + "\" is not an IANA zone name such as Asia/Ho_Chi_Minh");
        }
    }

    private Identity.MqttSettings mqtt(JsonNode node) throws IdentityException {
        if (!node.isObject()) {
            throw error("mqtt", "is required and must be an object with a \"uri\" (or \"uris\")");
        }
        onlyKnown(node, "mqtt.", MQTT_FIELDS);
        List<String> uris = brokerUris(node);
        boolean allSsl = uris.stream().allMatch(u -> u.startsWith("ssl://"));
        String username = text(node, "username", false, "mqtt.username");
        char[] password = null;
        String passwordFile = text(node, "passwordFile", false, "mqtt.passwordFile");
        if (passwordFile != null && readSecrets) {
            password = SecretFiles.read(file, "mqtt.passwordFile", resolve(passwordFile)).toCharArray();
        }
        Path caFile = null;
        String ca = text(node, "caFile", false, "mqtt.caFile");
        if (ca != null) {
            if (!allSsl) {
                throw error("mqtt.caFile", "is only used with ssl:// broker uris");
            }
            caFile = resolve(ca);
            if (readSecrets && !Files.isReadable(caFile)) {
                throw error("mqtt.caFile", "file " + caFile + " does not exist or cannot be read");
            }
        }
        ClientFiles client = clientCertificate(node, allSsl);
        return new Identity.MqttSettings(uris, username, password, caFile, client.cert(), client.key());
    }

    /** Exactly one of {@code uri} (one broker) and {@code uris} (a cluster or a hot standby, in order). */
    private List<String> brokerUris(JsonNode node) throws IdentityException {
        if (node.has("uri") && node.has("uris")) {
            throw error("mqtt.uris", "give either uri (one broker) or uris (a list), not both");
        }
        if (!node.has("uris")) {
            return List.of(brokerUri(text(node, "uri", true, "mqtt.uri"), "mqtt.uri"));
        }
        JsonNode list = node.get("uris");
        if (!list.isArray() || list.isEmpty()) {
            throw error("mqtt.uris", "must be a non-empty list of tcp://host:port or ssl://host:port");
        }
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "mqtt.uris[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(path, "must be a non-empty string");
            }
            String uri = brokerUri(item.asText(), path);
            if (uris.contains(uri)) {
                throw error(path, "\"" + uri + "\" is already in the list");
            }
            uris.add(uri);
        }
        return List.copyOf(uris);
    }

    private String brokerUri(String uri, String path) throws IdentityException {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw error(path, "must be tcp://host:port or ssl://host:port (got \"" + uri + "\")");
        }
        if (!("tcp".equals(parsed.getScheme()) || "ssl".equals(parsed.getScheme()))
                || parsed.getHost() == null || parsed.getPort() < 1) {
            throw error(path, "must be tcp://host:port or ssl://host:port (got \"" + uri + "\")");
        }
        return uri;
    }


    /** The files of a TLS client certificate: both paths, or both null. */
    private record ClientFiles(Path cert, Path key) {
    }

    /** The client certificate and key files (both or neither, ssl:// only), checked and parsed; nulls without them. */
    private ClientFiles clientCertificate(JsonNode node, boolean allSsl) throws IdentityException {
        String cert = text(node, "certFile", false, "mqtt.certFile");
        String key = text(node, "keyFile", false, "mqtt.keyFile");
        if (cert == null && key == null) {
            return new ClientFiles(null, null);
        }
        String field = cert == null ? "mqtt.certFile" : "mqtt.keyFile";
        if (cert == null || key == null) {
            throw error(field, "is required with " + (cert == null ? "mqtt.keyFile" : "mqtt.certFile")
                    + " (a client certificate needs both)");
        }
        if (!allSsl) {
            throw error("mqtt.certFile", "is only used with ssl:// broker uris");
        }
        Path certFile = resolve(cert);
        Path keyFile = resolve(key);
        if (!readSecrets) {
            return new ClientFiles(certFile, keyFile);
        }
        SecretFiles.checkPrivate(file, "mqtt.keyFile", keyFile);
        java.security.cert.X509Certificate[] chain;
        try {
            chain = PemFiles.certificates(certFile);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw error("mqtt.certFile", "cannot read a PEM certificate from " + certFile + ": " + e.getMessage());
        }
        try {
            if (!PemFiles.matches(chain[0], PemFiles.privateKey(keyFile))) {
                throw error("mqtt.keyFile", "the key in " + keyFile + " is not the key of the certificate in " + certFile);
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw error("mqtt.keyFile", "cannot read the private key: " + e.getMessage());
        }
        return new ClientFiles(certFile, keyFile);
    }

    private Identity.CoapSettings coap(JsonNode node, String deviceId) throws IdentityException {
        if (!node.isObject()) {
            throw error("coap", "is required and must be an object");
        }
        onlyKnown(node, "coap.", COAP_FIELDS);
        int port = 5684;
        if (node.has("port")) {
            JsonNode p = node.get("port");
            if (!p.isIntegralNumber() || p.asInt() < 0 || p.asInt() > 65535) {
                throw error("coap.port", "must be an integer 0..65535 (0 picks a free port)");
            }
            port = p.asInt();
        }
        String bind = node.has("bind") ? text(node, "bind", true, "coap.bind") : "0.0.0.0";
        if (node.has("secure") && !node.get("secure").isBoolean()) {
            throw error("coap.secure", "must be true or false");
        }
        boolean secure = node.path("secure").asBoolean(true);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw error("coap.bind", "\"" + bind + "\" is not an address of this machine");
        }
        if (!secure) {
            if (!address.isLoopbackAddress()) {
                throw error("coap.secure", "false is allowed only when coap.bind is a loopback address (got \""
                        + bind + "\"); use secure: true with a PSK");
            }
            return new Identity.CoapSettings(port, bind, false, null, null);
        }
        String identity = node.has("pskIdentity") ? text(node, "pskIdentity", true, "coap.pskIdentity") : deviceId;
        String pskFile = text(node, "pskFile", false, "coap.pskFile");
        if (pskFile == null) {
            throw error("coap.pskFile", "is required when coap.secure is true");
        }
        if (!readSecrets) {
            return new Identity.CoapSettings(port, bind, true, identity, null);
        }
        byte[] psk = SecretFiles.read(file, "coap.pskFile", resolve(pskFile)).getBytes(StandardCharsets.UTF_8);
        if (psk.length < 16) {
            throw error("coap.pskFile", "the key must be at least 16 characters (provisioning writes 32)");
        }
        return new Identity.CoapSettings(port, bind, true, identity, psk);
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        Path dir = file.toAbsolutePath().getParent();
        if (p.isAbsolute()) {
            return root == null ? p : root.resolve(p.getRoot().relativize(p));
        }
        return dir == null ? p : dir.resolve(p);
    }

    private void onlyKnown(JsonNode node, String prefix, Set<String> known) throws IdentityException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw error(prefix + name, "is not a known field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private String matching(JsonNode root, String field, Pattern pattern) throws IdentityException {
        String value = text(root, field, true);
        if (!pattern.matcher(value).matches()) {
            throw error(field, "\"" + value + "\" must match " + pattern.pattern());
        }
        return value;
    }

    private String text(JsonNode node, String field, boolean required) throws IdentityException {
        return text(node, field, required, field);
    }

    private String text(JsonNode node, String field, boolean required, String path) throws IdentityException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw error(path, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(path, "must be a non-empty string");
        }
        return value.asText();
    }

    private IdentityException error(String field, String rule) {
        return new IdentityException(file, field, rule);
    }
}
