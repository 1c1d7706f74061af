package vn.motcua.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one JSON object of a config with path tracking: every accessor records an error (path + message) instead
 * of throwing, so a validator reports every problem at once. Call {@link #rejectUnknown} with the known fields.
 */
public final class ConfigReader {
    private final JsonNode node;
    private final String path;
    private final List<ConfigError> errors;

    private ConfigReader(JsonNode node, String path, List<ConfigError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    /** A reader for a whole body; a body that is not an object is an error at the root. */
    public static ConfigReader root(JsonNode body) {
        ConfigReader r = new ConfigReader(body, "", new ArrayList<>());
        if (body == null || !body.isObject()) {
            r.error("", "the config must be a JSON object");
        }
        return r;
    }

    /** Reads a whole body with {@code build}: the body must be an object; every error found is returned. */
    public static <C> ConfigModel.Parsed<C> parse(JsonNode body, Function<ConfigReader, C> build) {
        ConfigReader r = root(body);
        if (!r.valid()) {
            return ConfigModel.Parsed.failed(r.errors());
        }
        C config = build.apply(r);
        return r.valid() ? ConfigModel.Parsed.ok(config) : ConfigModel.Parsed.failed(r.errors());
    }

    public List<ConfigError> errors() {
        return errors;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public JsonNode node() {
        return node;
    }

    /** Records an error at {@code field} of this object ("" for the object itself). */
    public void error(String field, String message) {
        errors.add(new ConfigError(at(field), message));
    }

    public String at(String field) {
        if (field.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        return node != null && node.has(field) && !node.get(field).isNull();
    }

    public long requiredLong(String field, long min, long max) {
        if (!has(field)) {
            error(field, "is required");
            return min;
        }
        return longIn(field, min, max, min);
    }

    public long optionalLong(String field, long dflt, long min, long max) {
        return has(field) ? longIn(field, min, max, dflt) : dflt;
    }

    private long longIn(String field, long min, long max, long fallback) {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(field, "must be an integer");
            return fallback;
        }
        long value = v.asLong();
        if (value < min || value > max) {
            error(field, "must be between " + min + " and " + max + " (got " + value + ")");
            return fallback;
        }
        return value;
    }

    public boolean bool(String field, boolean dflt) {
        if (!has(field)) {
            return dflt;
        }
        if (!node.get(field).isBoolean()) {
            error(field, "must be true or false");
            return dflt;
        }
        return node.get(field).asBoolean();
    }

    /** A string of {@code minLength..maxLength} characters; absent gives the default. */
    public String text(String field, String dflt, int minLength, int maxLength) {
        if (!has(field)) {
            if (dflt == null) {
                error(field, "is required");
            }
            return dflt;
        }
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            error(field, "must be a string");
            return dflt;
        }
        String s = v.asText();
        if (s.length() < minLength || s.length() > maxLength) {
            error(field, "must be " + minLength + " to " + maxLength + " characters long (got " + s.length() + ")");
        }
        return s;
    }

    public String requiredText(String field, int minLength, int maxLength) {
        return text(field, null, minLength, maxLength);
    }

    public String matching(String field, String dflt, Pattern pattern, String rule) {
        String s = text(field, dflt, 0, 10_000);
        if (s != null && has(field) && !pattern.matcher(s).matches()) {
            error(field, rule + " (got \"" + s + "\")");
        }
        return s;
    }

    public String oneOf(String field, String dflt, String... allowed) {
        String s = text(field, dflt, 0, 100);
        if (s != null && !Arrays.asList(allowed).contains(s)) {
            error(field, "must be one of " + String.join(", ", allowed) + " (got \"" + s + "\")");
            return dflt;
        }
        return s;
    }

    public LocalTime timeOfDay(String field, LocalTime dflt) {
        String s = text(field, dflt.toString(), 0, 10);
        if (!has(field)) {
            return dflt;
        }
        try {
            if (s.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(s);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        error(field, "must be a time of day HH:MM (got \"" + s + "\")");
        return dflt;
    }

    /** A regular expression, compiled; a broken one is an error. */
    public Pattern regex(String field, String dflt) {
        String s = text(field, dflt, 1, 1000);
        try {
            return Pattern.compile(s == null ? dflt : s);
        } catch (PatternSyntaxException e) {
            error(field, "is not a valid regular expression: " + e.getDescription());
            return Pattern.compile(dflt);
        }
    }

    /** A nested object read by {@code read}; absent gives {@code ifAbsent}. */
    public <T> T object(String field, T ifAbsent, Function<ConfigReader, T> read) {
        if (!has(field)) {
            return ifAbsent;
        }
        JsonNode v = node.get(field);
        if (!v.isObject()) {
            error(field, "must be an object");
            return ifAbsent;
        }
        return read.apply(new ConfigReader(v, at(field), errors));
    }

    /** An array of objects, each read by {@code read(reader, index)}; absent gives an empty list. */
    public <T> List<T> objects(String field, int maxItems, BiFunction<ConfigReader, Integer, T> read) {
        List<T> out = new ArrayList<>();
        JsonNode v = arrayField(field, maxItems);
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = at(field) + "[" + i + "]";
            if (!item.isObject()) {
                errors.add(new ConfigError(itemPath, "must be an object"));
                continue;
            }
            out.add(read.apply(new ConfigReader(item, itemPath, errors), i));
        }
        return out;
    }

    /** An array of strings, each at most {@code maxLength} characters; absent gives the default. */
    public List<String> texts(String field, List<String> dflt, int maxItems, int maxLength) {
        JsonNode v = arrayField(field, maxItems);
        if (v == null) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String itemPath = at(field) + "[" + i + "]";
            if (!item.isTextual()) {
                errors.add(new ConfigError(itemPath, "must be a string"));
            } else if (item.asText().length() > maxLength) {
                errors.add(new ConfigError(itemPath, "must be at most " + maxLength + " characters"));
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    private JsonNode arrayField(String field, int maxItems) {
        if (!has(field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            error(field, "must be an array");
            return null;
        }
        if (v.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items (got " + v.size() + ")");
            return null;
        }
        return v;
    }

    /** Every field not in {@code known} is an error: it catches typos in the district's tools. */
    public void rejectUnknown(Collection<String> known) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(name, "is not a known field");
            }
        }
    }
}
