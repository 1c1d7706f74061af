package vn.motcua.common.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads fields of the identity's hardware block and collects every problem with its JSON path. */
public final class HardwareReader {
    private final List<WiringError> errors = new ArrayList<>();

    /** Records one problem at a path such as {@code hardware.printer.model}. */
    public void error(String path, String message) {
        errors.add(new WiringError(path, message));
    }

    public List<WiringError> errors() {
        return List.copyOf(errors);
    }

    /** The node when it is an object; empty (and an error unless it is absent or null) otherwise. */
    public Optional<JsonNode> object(JsonNode node, String path, String shape) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            error(path, "must be an object " + shape);
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** Records an error for each field of an object that is not one of {@code known}. */
    public void onlyKnown(JsonNode object, String path, Collection<String> known) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                error(path + "." + name, "is not a known field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** An integer in {@code min..max}; the default when absent, -1 (and an error) when wrong. */
    public int integer(JsonNode node, String path, int dflt, int min, int max) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return dflt;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= min && node.asInt() <= max) {
            return node.asInt();
        }
        error(path, "must be an integer " + min + ".." + max);
        return -1;
    }

    /** An integer that must be one of two values (no default). */
    public int oneOf(JsonNode node, int a, int b, String path) {
        if (node != null && node.isIntegralNumber() && (node.asInt() == a || node.asInt() == b)) {
            return node.asInt();
        }
        error(path, "must be " + a + " or " + b);
        return -1;
    }

    /** A non-empty string; empty when absent, and an error when present but not a non-empty string. */
    public Optional<String> text(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            error(path, "must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** A non-empty list of non-empty strings; empty when absent, and an error when wrong. */
    public Optional<List<String>> texts(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(part -> {
                if (part.isTextual() && !part.asText().isBlank()) {
                    out.add(part.asText());
                }
            });
        }
        if (!node.isArray() || node.isEmpty() || out.size() != node.size()) {
            error(path, "must be a non-empty list of non-empty strings, e.g. [\"aplay\", \"-q\"]");
            return Optional.empty();
        }
        return Optional.of(List.copyOf(out));
    }
}
