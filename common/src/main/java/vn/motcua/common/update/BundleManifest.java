package vn.motcua.common.update;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.motcua.common.identity.DeviceKind;
import vn.motcua.common.json.Json;

/**
 * The {@code manifest.json} of a release bundle: {@code {"format":1,"kind":"ticket-printer","version":"0.2.0",
 * "files":{"device-ticket-printer.jar":"<sha256 hex>","lib/common-0.1.0.jar":"...","VERSION":"..."}}}.
 * A manifest that exists is valid: known kind, valid version, safe relative paths, lowercase SHA-256 hex,
 * the kind's jar and {@code VERSION} listed.
 */
public record BundleManifest(int format, String kind, String version, Map<String, String> files) {
    public static final int FORMAT = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String VERSION_FILE = "VERSION";
    /** At most this many files in a bundle. */
    public static final int MAX_FILES = 512;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]{1,128}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("format", "kind", "version", "files");

    /** Checks every field; an {@link IllegalArgumentException} names the first one that is wrong. */
    public BundleManifest {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not supported (this release reads format " + FORMAT + ")");
        }
        if (kind == null || DeviceKind.fromWire(kind).isEmpty()) {
            throw new IllegalArgumentException("kind '" + kind + "' is not a device kind (ticket-printer, rating-pad, kiosk)");
        }
        if (!ReleaseVersion.valid(version)) {
            throw new IllegalArgumentException("version '" + version + "' is not a release version");
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("files is empty");
        }
        if (files.size() > MAX_FILES) {
            throw new IllegalArgumentException("files lists " + files.size() + " files (at most " + MAX_FILES + ")");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            String problem = pathProblem(f.getKey());
            if (problem != null) {
                throw new IllegalArgumentException("files: " + problem);
            }
            if (f.getValue() == null || !SHA256.matcher(f.getValue()).matches()) {
                throw new IllegalArgumentException("files['" + f.getKey() + "'] is not a lowercase SHA-256 hex digest");
            }
        }
        for (String needed : new String[] {jarName(kind), VERSION_FILE}) {
            if (!files.containsKey(needed)) {
                throw new IllegalArgumentException("files does not list " + needed);
            }
        }
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The name of a kind's runtime jar in a bundle and a release directory: {@code device-<kind>.jar}. */
    public static String jarName(String kind) {
        return "device-" + kind + ".jar";
    }

    /**
     * Why {@code path} cannot name a file of a bundle, or null when it can: relative, '/'-separated segments of
     * letters, digits and {@code . _ + -}, no {@code .} or {@code ..} segment, not a manifest file name.
     */
    public static String pathProblem(String path) {
        if (path == null || path.isEmpty()) {
            return "an empty path";
        }
        if (path.length() > 255) {
            return "path '" + path.substring(0, 40) + "...' is longer than 255 characters";
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return "path '" + path + "' is not a relative '/'-separated path";
        }
        if (path.equals(MANIFEST) || path.equals(SIGNATURE)) {
            return "path '" + path + "' is reserved for the bundle's manifest";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "path '" + path + "' has a '" + segment + "' segment";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "path '" + path + "' has an empty segment or a character outside letters, digits and . _ + -";
            }
        }
        return null;
    }

    /** The manifest in {@code json}, or {@link Refusal#MALFORMED} naming the field that is wrong. */
    public static BundleManifest parse(byte[] json) throws BundleException {
        JsonNode root;
        try (JsonParser parser = Json.factory().createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = parser.nextToken() == null ? null : Json.read(parser);
            if (parser.nextToken() != null) {
                throw malformed("manifest.json has data after its JSON object", null);
            }
        } catch (JsonProcessingException e) {
            throw malformed("manifest.json is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw malformed("manifest.json cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed("manifest.json is not a JSON object", null);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw malformed("manifest.json has an unknown field '" + name + "'", null);
            }
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt()) {
            throw malformed("manifest.json: format is missing or not an integer", null);
        }
        String kind = text(root, "kind");
        String version = text(root, "version");
        JsonNode files = root.get("files");
        if (files == null || !files.isObject()) {
            throw malformed("manifest.json: files is missing or not an object", null);
        }
        Map<String, String> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw malformed("manifest.json: files['" + f.getKey() + "'] is not a string", null);
            }
            map.put(f.getKey(), f.getValue().textValue());
        }
        try {
            return new BundleManifest(format.intValue(), kind, version, map);
        } catch (IllegalArgumentException e) {
            throw malformed("manifest.json: " + e.getMessage(), e);
        }
    }

    /** The manifest as compact JSON, fields and files in a fixed order (the bytes that are signed). */
    public byte[] toJson() {
        ObjectNode root = Json.object();
        root.put("format", format);
        root.put("kind", kind);
        root.put("version", version);
        ObjectNode list = root.putObject("files");
        files.forEach(list::put);
        return Json.writeBytes(root);
    }

    /** The file name of this kind's runtime jar. */
    public String jarName() {
        return jarName(kind);
    }

    private static String text(JsonNode root, String field) throws BundleException {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw malformed("manifest.json: " + field + " is missing or not a string", null);
        }
        return n.textValue();
    }

    private static BundleException malformed(String message, Throwable cause) {
        return new BundleException(Refusal.MALFORMED, message, cause);
    }
}
